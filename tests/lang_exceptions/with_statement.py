# with statement and context manager protocol
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev, tb is not None)
        return self.suppress

with CM("a") as v:
    print("body", v)

with CM("b") as x, CM("c") as y:
    print("body", x, y)

with (CM("p1"), CM("p2") as p):
    print("parenthesized", p)

def raising():
    with CM("r"):
        raise ValueError("in body")
check(raising)

def suppressed():
    with CM("s", suppress=True):
        raise ValueError("suppressed!")
    return "continued after suppression"
check(suppressed)

def nested_suppress():
    with CM("outer"):
        with CM("inner", suppress=True):
            raise KeyError("k")
        print("between")
check(nested_suppress)

def return_in_with():
    with CM("ret"):
        return "returned"
check(return_in_with)

def break_in_with():
    for i in range(3):
        with CM(f"loop{i}"):
            if i == 1:
                break
    return i
check(break_in_with)

# truthy non-bool return from __exit__ suppresses
class Truthy:
    def __enter__(self): return self
    def __exit__(self, *a): return "yes"
def truthy():
    with Truthy():
        1 / 0
    return "suppressed by truthy"
check(truthy)

# errors from protocol
class NoEnter:
    def __exit__(self, *a): pass
class NoExit:
    def __enter__(self): return self
def no_enter():
    with NoEnter(): pass
def no_exit():
    with NoExit(): pass
check(no_enter)
check(no_exit)
def not_cm():
    with 5: pass
check(not_cm)

# exception in __enter__: __exit__ not called
class BadEnter:
    def __enter__(self): raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
def bad_enter():
    with BadEnter(): print("no")
check(bad_enter)

# exception in __exit__ replaces body exception
class BadExit:
    def __enter__(self): return self
    def __exit__(self, *a): raise RuntimeError("exit failed")
def bad_exit():
    with BadExit():
        raise ValueError("body")
try:
    bad_exit()
except RuntimeError as e:
    print("RuntimeError", e, "context", repr(e.__context__))

# as-target can be attribute / subscript / tuple
class Obj: pass
o = Obj(); d = {}
with CM("t") as o.attr: pass
with CM("u") as d["k"]: pass
class Pair:
    def __enter__(self): return (1, 2)
    def __exit__(self, *a): pass
with Pair() as (first, second): pass
print(o.attr, d, first, second)
