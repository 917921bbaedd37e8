# closures, cell variables, nonlocal
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

def make_counter():
    count = 0
    def inc():
        nonlocal count
        count += 1
        return count
    def get():
        return count
    return inc, get

inc, get = make_counter()
inc(); inc(); inc()
print(get())
inc2, get2 = make_counter()
print(inc2(), get())

# closures capture variables, not values
def late_binding():
    fs = []
    for i in range(3):
        fs.append(lambda: i)
    return [f() for f in fs]
print(late_binding())

def early_binding():
    return [(lambda i=i: i)() for i in range(3)]
print(early_binding())

def cells():
    a = 1
    b = 2
    def inner():
        return a + b
    return inner
f = cells()
print(f.__code__.co_freevars, [c.cell_contents for c in f.__closure__])
print(cells.__code__.co_cellvars)
print(make_counter.__closure__)

# nested three levels
def outer():
    x = "outer"
    def middle():
        def inner():
            nonlocal x
            x = "changed by inner"
        inner()
        return x
    return middle(), x
print(outer())

# closure over a variable assigned after inner is defined
def later():
    def show():
        return value
    value = "assigned later"
    return show()
print(later())

def unbound_free():
    def show():
        return value
    r = check(show)
    value = 1
    return r
unbound_free()

# modifying without nonlocal creates local -> UnboundLocalError
def no_nonlocal():
    n = 0
    def bump():
        n += 1
    bump()
check(no_nonlocal)

# nonlocal of loop variable
def accumulate(items):
    total = 0
    def add(x):
        nonlocal total
        total += x
    for it in items:
        add(it)
    return total
print(accumulate(range(10)))

# closures sharing a cell
def shared():
    v = []
    def push(x): v.append(x)
    def peek(): return list(v)
    return push, peek
push, peek = shared()
push(1); push(2)
print(peek())

# class body does not create an enclosing scope for methods
x = "global x"
class K:
    x = "class x"
    def m(self):
        return x
    lam = [x for _ in range(1)]
print(K().m(), K.lam)
