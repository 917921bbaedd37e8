# keyword-only and positional-only parameters
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

def po(a, b, /, c, *, d, e=5):
    return a, b, c, d, e

check(lambda: po(1, 2, 3, d=4))
check(lambda: po(1, 2, c=3, d=4, e=6))
check(lambda: po(1, b=2, c=3, d=4))
check(lambda: po(a=1, b=2, c=3, d=4))
check(lambda: po(1, 2, 3, 4))
check(lambda: po(1, 2, 3))
check(lambda: po(1, 2, d=4))
check(lambda: po(1, 2, 3, d=4, f=0))

# positional-only name can also appear in **kwargs
def f(x, /, **kw):
    return x, kw
check(lambda: f(1, x=2))

def only_kw(*, a, b):
    return a + b
check(lambda: only_kw(a=1, b=2))
check(lambda: only_kw(1, 2))
check(lambda: only_kw(a=1))
check(lambda: only_kw())

def only_pos(a, b=2, /):
    return a, b
check(lambda: only_pos(1))
check(lambda: only_pos(1, 3))
check(lambda: only_pos(a=1))
check(lambda: only_pos(1, b=2))
check(lambda: only_pos())

def star_then_kw(*args, sep="-"):
    return sep.join(map(str, args))
check(lambda: star_then_kw(1, 2, 3))
check(lambda: star_then_kw(1, 2, sep="+"))

code = po.__code__
print(code.co_argcount, code.co_posonlyargcount, code.co_kwonlyargcount)
print(code.co_varnames[:code.co_argcount + code.co_kwonlyargcount])
print(po.__kwdefaults__, po.__defaults__)

# builtin positional-only functions
check(lambda: len(obj=[1]))
check(lambda: divmod(x=1, y=2))
check(lambda: "abc".split(sep="b"))
check(lambda: "abc".startswith(prefix="a"))
check(lambda: sorted([3, 1], reverse=True))
check(lambda: sorted([3, 1], True))
