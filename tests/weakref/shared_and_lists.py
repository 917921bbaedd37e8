# basic (callback-less) refs and proxies are shared; list order of getweakrefs
import weakref


class Obj:
    pass


def kinds(o):
    out = []
    for w in weakref.getweakrefs(o):
        kind = type(w).__name__
        cb = getattr(w, "__callback__", None) if not isinstance(w, weakref.ProxyTypes) else None
        out.append(kind + ("+cb:" + cb.__name__ if cb else ""))
    return out


o = Obj()
print(weakref.getweakrefcount(o), weakref.getweakrefs(o))
def cb1(wr): pass
def cb2(wr): pass
def cb3(wr): pass
a = weakref.ref(o, cb1)
print(kinds(o))
p = weakref.proxy(o)
print(kinds(o))
b = weakref.ref(o)
print(kinds(o))
c = weakref.ref(o, cb2)
print(kinds(o))
pc = weakref.proxy(o, cb3)
print(kinds(o))
print("ref shared:", weakref.ref(o) is b, weakref.ref(o, None) is b,
      "proxy shared:", weakref.proxy(o) is p, weakref.proxy(o, cb1) is p)
print("o.__weakref__ is head:", o.__weakref__ is b)
print(weakref.getweakrefcount(o), len(weakref.getweakrefs(o)))
del b
print(kinds(o))
del p
print(kinds(o), o.__weakref__ is c)
del a, c, pc
print(kinds(o), o.__weakref__)

# a ref subclass is never shared, and goes after the basic refs
class Sub(weakref.ref):
    pass
o2 = Obj()
s1 = Sub(o2)
r = weakref.ref(o2)
s2 = Sub(o2)
print(kinds(o2), s1 is s2)

# after the basic ref dies a new one is created
o3 = Obj()
first = weakref.ref(o3)
first_id = id(first)
del first
second = weakref.ref(o3)
print(weakref.getweakrefcount(o3), second() is o3)

# callable objects get a callable proxy; both proxy kinds are shared
def f():
    return "f called"
pf = weakref.proxy(f)
print(type(pf).__name__, weakref.proxy(f) is pf, pf())
print(kinds(f))

# getweakrefcount / getweakrefs on non-weakrefable objects
print(weakref.getweakrefcount(1), weakref.getweakrefs("x"), weakref.getweakrefs([]))
for call in (lambda: weakref.getweakrefcount(), lambda: weakref.getweakrefs(1, 2)):
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
