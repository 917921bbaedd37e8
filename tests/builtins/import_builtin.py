# __import__ and the import statement's machinery visible from builtins
import sys
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

m = __import__("math")
print(type(m).__name__, m.__name__, m is sys.modules["math"], m.floor(2.5))
s = __import__("sys")
print(s is sys)
w = __import__("weakref", globals(), locals(), ["ref"], 0)
print(w.__name__, hasattr(w, "ref"))
print(__import__("math", fromlist=["sqrt"]).sqrt(9))
check(lambda: __import__("no_such_mod_q"))
check(lambda: __import__(""))
check(lambda: __import__(1))
check(lambda: __import__())
check(lambda: __import__("math", level=-1))
check(lambda: __import__("x", {}, {}, [], 1))
print(__import__ is __builtins__.__import__ if hasattr(__builtins__, "__import__") else __import__ is __builtins__["__import__"])
import builtins
print(builtins.__import__ is __import__, builtins.__name__, builtins.print is print)
# override builtins.__import__ temporarily
orig = builtins.__import__
seen = []
def tracing_import(name, *args, **kw):
    seen.append(name)
    return orig(name, *args, **kw)
builtins.__import__ = tracing_import
import math
from math import pi
import math as m2
builtins.__import__ = orig
print(seen)
# builtins module attributes
print(sorted(n for n in ["abs", "len", "print", "True", "None", "Ellipsis", "__build_class__", "__import__"] if hasattr(builtins, n)))
print(builtins.True_ if hasattr(builtins, "True_") else "no True_", type(builtins.__dict__).__name__)
