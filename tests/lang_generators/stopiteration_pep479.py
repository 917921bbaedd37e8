# PEP 479: StopIteration raised inside a generator becomes RuntimeError
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e, "| cause:", repr(e.__cause__))
    else:
        print("ok", repr(r))

def leaky():
    yield 1
    raise StopIteration("leak")

check(lambda: list(leaky()))

def next_on_empty():
    it = iter([])
    yield next(it)
check(lambda: list(next_on_empty()))

def safe_next():
    it = iter([])
    yield next(it, "default")
check(lambda: list(safe_next()))

def return_value():
    yield 1
    return "val"
g = return_value()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, "args:", e.args)

# StopIteration subclass also converted
class MyStop(StopIteration):
    pass
def sub():
    raise MyStop
    yield
check(lambda: next(sub()))

# raising StopIteration in a normal iterator's __next__ is fine
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
print(list(It()))

# StopIteration escaping a comprehension is not converted
def in_listcomp():
    return [next(iter([])) for _ in range(1)]
check(in_listcomp)

# but in a generator expression it is
check(lambda: list(next(iter([])) for _ in range(1)))

# return with value inside generator
def gen_ret():
    return 5
    yield
try:
    next(gen_ret())
except StopIteration as e:
    print("value", e.value)

# generator raising an ordinary exception stops it
def boom():
    yield 1
    raise ValueError("boom")
bg = boom()
print(next(bg))
check(lambda: next(bg))
check(lambda: next(bg))

print("uncaught next:")
list(leaky())
