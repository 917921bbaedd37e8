# decorators, with and without arguments, stacking
calls = []

def trace(f):
    def wrapper(*args, **kwargs):
        calls.append(f.__name__)
        print(f"-> {f.__name__}{args}")
        r = f(*args, **kwargs)
        print(f"<- {f.__name__} = {r!r}")
        return r
    wrapper.__name__ = "traced_" + f.__name__
    wrapper.__wrapped__ = f
    return wrapper

@trace
def add(a, b):
    return a + b
print(add(2, 3), add.__name__, add.__wrapped__.__name__)

def repeat(n):
    print("repeat factory", n)
    def deco(f):
        print("decorating", f.__name__)
        def wrapper(*a):
            return [f(*a) for _ in range(n)]
        return wrapper
    return deco

@repeat(3)
def hello(x):
    return "hi " + x
print(hello("bob"))

# stacking order: bottom decorator applied first
def tag(t):
    def deco(f):
        print("apply", t)
        def w():
            return f"<{t}>" + f() + f"</{t}>"
        return w
    return deco

@tag("b")
@tag("i")
def text():
    return "txt"
print(text())

# decorator expressions (PEP 614)
decos = {"t": tag("u")}
@decos["t"]
def under():
    return "x"
print(under())

@(lambda f: lambda: f().upper())
def shout():
    return "quiet"
print(shout())

# decorator returning a non-function
def to_value(f):
    return f()
@to_value
def computed():
    return 42
print(computed)

# decorator using a class
class CountCalls:
    def __init__(self, f):
        self.f = f
        self.n = 0
    def __call__(self, *a):
        self.n += 1
        return self.f(*a)
@CountCalls
def sq(x):
    return x * x
print(sq(3), sq(4), sq.n)

# memoizing decorator with a dict
def memo(f):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    w.cache = cache
    return w
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60), len(fib.cache))
print(calls)

# decorator on methods
def method_deco(f):
    def w(self, *a):
        return ("decorated", f(self, *a))
    return w
class K:
    @method_deco
    def m(self, x):
        return x * 2
print(K().m(21))
