# the atexit module: register/unregister, order, errors at exit
import atexit
import sys

sys.unraisablehook = lambda u: print("unraisable:", u.err_msg, "|", u.exc_type.__name__, u.exc_value,
                                     "|", getattr(u.object, "__name__", u.object))

def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)


t(lambda: atexit.register())
t(lambda: atexit.register(1))
t(lambda: atexit.unregister())
print(sorted(n for n in dir(atexit) if not n.startswith("__")))
print(atexit.__doc__)


def a(*x, **k):
    print("a", x, k)


def b():
    print("b raises")
    raise ValueError("boom")


def c():
    print("c raises SystemExit")
    raise SystemExit(3)


print(atexit.register(a, 1, y=2) is a)
atexit.register(b)
atexit.register(c)
atexit.register(a, 2)
atexit.unregister(a)
print("slots are kept after unregister:", atexit._ncallbacks())
atexit.register(a, 3)


class K:
    def __eq__(self, other):
        raise RuntimeError("eq failed")
    def __call__(self):
        print("K called")


atexit.register(K())
t(lambda: atexit.unregister(a))
print(atexit._ncallbacks())
atexit._run_exitfuncs()
print("after _run_exitfuncs:", atexit._ncallbacks())
atexit.register(b)
atexit.register(c)
atexit.register(a, 4)
atexit.register(lambda: atexit.register(a, "registered during exit: never runs"))
atexit.register(lambda: print("exit status not changed; stdout still works"))
atexit.register(print, "builtin with", "args", sep="|")
atexit.register(a, 5)
atexit.unregister(a)
