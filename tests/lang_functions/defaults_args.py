# default values, mutable default pitfall, *args, **kwargs
def greet(name, greeting="Hello", punct="!"):
    return f"{greeting}, {name}{punct}"
print(greet("Ann"), greet("Bob", "Hi"), greet("Cy", punct="?"), greet(punct=".", name="Di"))

def append_to(x, acc=[]):
    acc.append(x)
    return acc
print(append_to(1), append_to(2), append_to(3, []), append_to(4))
print(append_to.__defaults__)

def safe_append(x, acc=None):
    if acc is None:
        acc = []
    acc.append(x)
    return acc
print(safe_append(1), safe_append(2))

# defaults evaluated once at definition time
counter = [0]
def next_id():
    counter[0] += 1
    return counter[0]
def make(id=next_id()):
    return id
print(make(), make(), counter)

def varargs(*args, **kwargs):
    return args, kwargs
print(varargs())
print(varargs(1, 2, a=3, b=4))
print(varargs(*[1, 2], *(3,), **{"x": 1}, **{"y": 2}))
print(varargs(*"ab", sep=None))

def mixed(a, b=2, *rest, c, d=4, **kw):
    return a, b, rest, c, d, kw
print(mixed(1, c=3))
print(mixed(1, 5, 6, 7, c=3, e=9))
print(mixed.__defaults__, mixed.__kwdefaults__)

# unpacking into calls
def point(x, y, z=0):
    return (x, y, z)
args = (1, 2)
kw = {"z": 3}
print(point(*args), point(*args, **kw), point(**{"x": 9, "y": 8}))
print(point(*range(3)))

# modifying __defaults__
def dflt(a=1, b=2):
    return a, b
dflt.__defaults__ = (10, 20)
print(dflt())
dflt.__defaults__ = (99,)
print(dflt(1))
dflt.__defaults__ = None
try:
    dflt()
except TypeError as e:
    print("TypeError:", e)

# kwargs keys are strings, order preserved
def kwonly(**kw):
    return list(kw)
print(kwonly(z=1, a=2, m=3))
print(kwonly(**{"not an identifier": 1}))
try:
    kwonly(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
