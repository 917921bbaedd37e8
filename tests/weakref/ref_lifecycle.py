# weakref.ref: creation, calling, death, repr, __callback__, subclassing
import sys
import weakref


def show(label, text, *objs):
    # reprs contain addresses: replace each known object's address by a name
    for name, o in objs:
        text = text.replace(hex(id(o)), name)
    print(label, text)


class C:
    pass


class Named:
    __name__ = "custom-name"


c = C()
r = weakref.ref(c)
print(type(r) is weakref.ReferenceType, weakref.ref is weakref.ReferenceType)
print(r() is c, r.__callback__)
show("repr live:", repr(r), ("R", r), ("C", c))
rC = weakref.ref(C)
show("repr type:", repr(rC), ("R", rC), ("T", C))
n = Named()
rn = weakref.ref(n)
show("repr named:", repr(rn), ("R", rn), ("N", n))


def func():
    pass


rf = weakref.ref(func)
show("repr function:", repr(rf), ("R", rf), ("F", func))
del c
print(r(), r() is None)
show("repr dead:", repr(r), ("R", r))
print(sys.getsizeof(r))

# calling a ref takes no arguments
for call in (lambda: r(1), lambda: r(x=1)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)

# constructor argument checking
for make in (lambda: weakref.ref(), lambda: weakref.ref(C(), None, 1),
             lambda: weakref.ref(C(), callback=None), lambda: weakref.ref(1, None)):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)

# __callback__ and None as callback
d = C()
cb = lambda wr: None
rd = weakref.ref(d, cb)
print(rd.__callback__ is cb, weakref.ref(d, None).__callback__, weakref.ref(d, None) is weakref.ref(d))
del d
print("dead callback attr:", rd.__callback__)
try:
    rd.__callback__ = cb
except AttributeError as e:
    print("AttributeError:", e)

# a ref does not keep its referent alive, and the referent does not keep the ref
e = C()
re_ = weakref.ref(e)
print(sys.getrefcount(e), weakref.getweakrefcount(e))
del re_
print(weakref.getweakrefcount(e))


# subclassing
class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, **annotations):
        super().__init__(ob, callback)
        self.__dict__.update(annotations)


class MyRef2(weakref.ref):
    __slots__ = ("tag",)


f = C()
m1 = MyRef(f)
m2 = MyRef(f)
print(m1 is m2, m1 == m2, m1() is f, isinstance(m1, weakref.ref), type(m1).__name__)
try:
    MyRef(f, None, colour="red")
except TypeError as e:
    print("TypeError:", e)
s2 = MyRef2(f)
s2.tag = "t"
print(s2.tag, s2() is f, weakref.getweakrefcount(f))
print([type(w).__name__ for w in weakref.getweakrefs(f)])
del f
print(m1(), m2(), s2())

# ref to a ref subclass instance (it has __weakref__ via __dict__ support)
g = C()
m3 = MyRef(g)
mm = weakref.ref(m3)
print(mm() is m3)
try:
    weakref.ref(MyRef2(g))
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref(weakref.ref(g))
except TypeError as e:
    print("TypeError:", e)

# class_getitem
print(weakref.ref[int], weakref.ReferenceType.__name__, weakref.ReferenceType.__module__)
