# comprehension scoping rules
x = "global x"
result = [x for x in range(3)]
print(result, x)             # loop variable does not leak

i = "outer i"
squares = {i: i * i for i in range(3)}
print(squares, i)
gen = list(i for i in range(2))
print(i)
s = {i for i in "ab"}
print(i)

# comprehension sees enclosing function locals
def f():
    factor = 3
    return [n * factor for n in range(3)]
print(f())

# class body: the first iterable is evaluated in class scope,
# other names inside the comprehension skip the class scope
class C:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
    try:
        bad = [v * factor for v in vals]
    except NameError as e:
        err = str(e)
    factor = 10
print(C.doubled, C.err)

# walrus inside a comprehension binds in the containing scope
def walrus():
    data = [1, 5, 2, 8]
    hits = [y for v in data if (y := v * 2) > 4]
    return hits, y
print(walrus())

total = 0
running = [total := total + v for v in range(5)]
print(running, total)

def any_match(items):
    if any((found := it) > 10 for it in items):
        return found
    return None
print(any_match([3, 12, 40]), any_match([1]))

# nested comprehension: inner sees outer loop variable
print([[(a, b) for b in range(a)] for a in range(3)])

# comprehension inside a lambda default
fs = [lambda n=n: n for n in range(3)]
print([g() for g in fs])

# walrus rebinding an iteration variable is a SyntaxError
try:
    compile("[i := 0 for i in range(3)]", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("class A:\n    [(j := 1) for k in range(2)]\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
