# In __main__, CPython keeps the parsed AST alive while the module runs, so
# every constant of the script has one extra reference (not so in functions
# compiled by compile() or imported modules).
import sys

c = "pay load"
print(sys.getrefcount(c))
folded = "payload " * 4
print(sys.getrefcount(folded))
big = 10 ** 20
print(sys.getrefcount(big))

def f():
    x = "in a function"
    return sys.getrefcount(x)

print(f())
ns = {}
exec(compile("s = 'via compile()'", "<s>", "exec"), ns)
print(sys.getrefcount(ns["s"]))
