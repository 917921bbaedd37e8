# weakref.WeakMethod
import weakref


class A:
    def __init__(self, name):
        self.name = name
    def hello(self, x=0):
        return f"hello from {self.name} {x}"
    def other(self):
        return "other"


a = A("a")
wm = weakref.WeakMethod(a.hello)
m = wm()
print(type(wm).__name__, isinstance(wm, weakref.ref), m(), m == a.hello, m is a.hello)
print("same method, new objects:", wm() is not wm())
print(wm == weakref.WeakMethod(a.hello), wm != weakref.WeakMethod(a.hello),
      wm == weakref.WeakMethod(a.other), hash(wm) == hash(weakref.WeakMethod(a.hello)),
      wm == weakref.ref(a), wm.__eq__(1))
b = A("b")
print(wm == weakref.WeakMethod(b.hello))
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.WeakMethod(A.hello)
except TypeError as e:
    print("TypeError:", e)

# a plain weakref to a bound method dies at once; a WeakMethod lives as long
# as the object and the function
print("plain ref to bound method:", weakref.ref(a.hello)())
calls = []
wm2 = weakref.WeakMethod(a.hello, lambda r: calls.append(("dead", r is wm2)))
h = hash(wm2)
del m
del a
print("after object death:", wm(), wm2(), calls)
print("dead WeakMethods compare by identity:", wm == wm, wm == wm2, wm != wm2, hash(wm2) == h)


# the function dying also kills it (callback once)
class B:
    def meth(self):
        return "meth"


b2 = B()
wm3 = weakref.WeakMethod(b2.meth, lambda r: print("callback for wm3"))
print(wm3()())
del B.meth
print("after function death:", wm3())
del b2
print("object death: no second callback")
print(type(wm3).__slots__ if hasattr(type(wm3), "__slots__") else None)
