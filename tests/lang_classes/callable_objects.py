# __call__ and callable()
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *rest, scale=1):
        return (self.n + x + sum(rest)) * scale

add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), callable(add5))
print(list(map(add5, [1, 2, 3])))
check(lambda: add5())
check(lambda: add5(1, bad=2))

class NotCallable:
    pass
print(callable(NotCallable), callable(NotCallable()), callable(len), callable(5))
check(lambda: NotCallable()())
tup, st, none = (1, 2), "s", None
check(lambda: tup())
check(lambda: st())
check(lambda: none())

# __call__ looked up on the type, not the instance
class Inst:
    pass
i = Inst()
i.__call__ = lambda: "instance attr"
print(callable(i))
check(lambda: i())

# counting calls with state
class Memo:
    def __init__(self, f):
        self.f = f
        self.cache = {}
        self.calls = 0
    def __call__(self, n):
        self.calls += 1
        if n not in self.cache:
            self.cache[n] = self.f(n)
        return self.cache[n]

@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(30), fib.calls, type(fib).__name__)

# __call__ that is itself a callable object
class Inner:
    def __call__(self, *a):
        return ("inner", a)
class Outer:
    __call__ = Inner()
print(Outer()(1, 2))

# classes are callable; metaclass __call__
class Meta(type):
    def __call__(cls, *a):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a)
class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v
print(WithMeta(3).v)
