# conditional imports, import inside functions, global/nonlocal statements
try:
    import math
    HAVE_MATH = True
except ImportError:
    HAVE_MATH = False
print("math available:", HAVE_MATH)

try:
    import module_that_does_not_exist_xyz
except ImportError as e:
    print(type(e).__name__, e, e.name)
    module_that_does_not_exist_xyz = None
print(module_that_does_not_exist_xyz)

if HAVE_MATH:
    from math import sqrt as root
else:
    def root(v):
        return v ** 0.5
print(root(16))

def lazy():
    import sys
    return sys.maxsize > 2 ** 31
print(lazy(), "sys" in globals())

def imports_locally():
    from math import pi, e
    return sorted(k for k in locals())
print(imports_locally())

# global declared in nested blocks
def setter(flag):
    if flag:
        global STATE
        STATE = "on"
setter(True)
print(STATE)

# nonlocal in nested functions and loops
def counter():
    c = 0
    def tick():
        nonlocal c
        for _ in range(3):
            c += 1
        return c
    return tick
t = counter()
print(t(), t())

# if/elif/else chains
def grade(s):
    if s >= 90:
        return "A"
    elif s >= 80:
        return "B"
    elif s >= 70:
        return "C"
    else:
        return "F"
print([grade(s) for s in (95, 85, 75, 10)])

# conditional expression and short-circuit values
print(0 or "x", 1 and [], None or 0 or "", "a" and "b" and "c")
print(1 if [] else 2, 1 if [0] else 2)
