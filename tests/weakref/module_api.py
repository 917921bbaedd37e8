# the _weakref and weakref module surfaces, _remove_dead_weakref, KeyedRef
import _weakref
import weakref

print([n for n in dir(_weakref) if not n.startswith("__")])
print(_weakref.__doc__)
print(_weakref.ref is weakref.ref is weakref.ReferenceType, weakref.ProxyTypes)
print(sorted(weakref.__all__))
for name in weakref.__all__:
    assert hasattr(weakref, name), name
print(weakref.WeakSet.__module__, weakref.KeyedRef.__mro__[1] is weakref.ref, weakref.KeyedRef.__slots__)


class O:
    pass


# _remove_dead_weakref: removes the entry only if it is a dead weakref
o = O()
live = weakref.ref(o)
tmp = O()
dead = weakref.ref(tmp)
del tmp
d = {"live": live, "dead": dead, "other": 5}
print(_weakref._remove_dead_weakref(d, "dead"), sorted(d))
_weakref._remove_dead_weakref(d, "live")
_weakref._remove_dead_weakref(d, "missing")
print(sorted(d))
for args in ((d, "other"), ([], "x"), (None, "x"), (d,)):
    try:
        _weakref._remove_dead_weakref(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    _weakref._remove_dead_weakref({[]: 1} if False else {}, [])
except TypeError as e:
    print("TypeError:", e)

# KeyedRef
def cb(r):
    print("keyed callback for key", r.key)
t = O()
kr = weakref.KeyedRef(t, cb, "the-key")
print(kr.key, kr() is t, type(kr).__name__, kr.__callback__ is cb)
try:
    weakref.KeyedRef(t, cb)
except TypeError as e:
    print("TypeError:", e)
del t
print(kr())
