# CPython keeps copies of the builtins and sys namespaces (for
# re-initialisation), so builtin functions carry one reference more than
# the names that are visible.
import sys
rc = sys.getrefcount
import builtins
for name in ["len", "isinstance", "abs", "repr", "iter", "sum", "sorted", "hash", "id", "dir"]:
    print(name, rc(getattr(builtins, name)))
for name in ["intern", "exit", "getsizeof", "displayhook", "excepthook", "getrecursionlimit"]:
    print("sys." + name, rc(getattr(sys, name)))
print("__import__", rc(__import__))
f = len
print(rc(len))
del f
print(rc(len))
