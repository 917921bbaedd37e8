# warnings: default actions and the "file:line: Category: message" format
# on stderr, with the source line.
import warnings
import sys

print(warnings.filters)
warnings.warn("hello")
warnings.warn("hello")          # another line: shown again
for i in range(3):
    warnings.warn("in a loop")  # same line: shown once

def f():
    warnings.warn("from f, blamed on the caller", DeprecationWarning, stacklevel=2)
f()
f()
warnings.warn("far up the stack", stacklevel=10)
warnings.warn(UserWarning("an instance"))
warnings.warn(RuntimeWarning("instance wins over category"), FutureWarning)
warnings.warn("pending", PendingDeprecationWarning)    # ignored by default
warnings.warn("deprecated in __main__", DeprecationWarning)
class MyWarning(UserWarning):
    pass
warnings.warn("custom category", MyWarning)
for bad in (3, int, "x"):
    try:
        warnings.warn("x", bad)
    except TypeError as e:
        print("TypeError:", e)
warnings.warn_explicit("explicit", UserWarning, "some_module.py", 5)
warnings.warn_explicit("explicit, module None is ignored", UserWarning, "m.py", 5, module=None)
warnings.showwarning("shown on stdout", FutureWarning, "zz.py", 3, sys.stdout)
warnings.showwarning("shown with a line", FutureWarning, "zz.py", 3, sys.stdout, "   the line   ")
print(warnings.formatwarning("msg", UserWarning, "file.py", 12), end="")
print(warnings.formatwarning("msg", UserWarning, "file.py", 12, "  code()  "), end="")
print(warnings.WarningMessage("m", UserWarning, "f.py", 1))
registry = globals()['__warningregistry__']
print(sorted((k for k in registry if k != 'version'), key=repr)[:4])
sys.stdout.flush()
warnings.warn("the end")
