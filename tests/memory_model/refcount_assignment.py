# sys.getrefcount through assignment, aliasing, attributes, args and returns
import sys

class Obj:
    pass

o = Obj()
print("fresh global:", sys.getrefcount(o))
alias = o
print("after alias:", sys.getrefcount(o))
another = alias
print("after second alias:", sys.getrefcount(o))
del alias
print("after del alias:", sys.getrefcount(o))
another = None
print("after rebinding:", sys.getrefcount(o))

holder = Obj()
holder.attr = o
print("stored as attribute:", sys.getrefcount(o))
holder.attr2 = o
print("stored twice:", sys.getrefcount(o))
del holder.attr
print("one attribute deleted:", sys.getrefcount(o))
del holder
print("holder deleted:", sys.getrefcount(o))

def show(arg):
    return sys.getrefcount(arg)
print("inside function (param):", show(o))

def show_two(a, b):
    return sys.getrefcount(a)
print("same object twice as args:", show_two(o, o))

def local_copy(arg):
    x = arg
    y = arg
    return sys.getrefcount(arg)
print("with two extra locals:", local_copy(o))
print("after call returns:", sys.getrefcount(o))

def identity(v):
    return v
r = identity(o)
print("returned and bound:", sys.getrefcount(o))
del r

def make():
    return Obj()
m = make()
print("new object from function:", sys.getrefcount(m))

# closures keep a reference through the cell
def outer(v):
    def inner():
        return v
    return inner
f = outer(o)
print("captured by closure:", sys.getrefcount(o))
del f
print("closure dropped:", sys.getrefcount(o))

# bound method holds self
bm = Obj.__init__.__get__(o, Obj)
print("bound method:", sys.getrefcount(o))
del bm
print("bound method dropped:", sys.getrefcount(o))

# default argument value
def with_default(p=o):
    pass
print("default arg:", sys.getrefcount(o))
del with_default
print("function deleted:", sys.getrefcount(o))

# class attribute
class Holder:
    shared = o
print("class attribute:", sys.getrefcount(o))
del Holder.shared
print("class attribute deleted:", sys.getrefcount(o))
