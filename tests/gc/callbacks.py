# gc.callbacks: called as cb(phase, info) around every collection.
import gc
import sys
gc.disable()
gc.collect()

events = []
def recorder(phase, info):
    events.append((phase, dict(info)))

class Node:
    pass

gc.callbacks.append(recorder)
a = Node()
a.me = a
b = []
b.append(b)
del a, b
n = gc.collect()
print("collect returned", n)
for e in events:
    print(e)
events.clear()
gc.collect(0)
gc.collect(1)
print([(p, i["generation"]) for p, i in events])
print("info keys:", list(events[0][1]))
events.clear()

# all callbacks see the same info dict, in list order
seen = []
def first(phase, info):
    seen.append(("first", phase, id(info)))
def second(phase, info):
    seen.append(("second", phase, id(info)))
gc.callbacks[:] = [first, second]
gc.collect()
print([s[:2] for s in seen])
print("same dict for both:", seen[0][2] == seen[1][2], seen[2][2] == seen[3][2])

# a collection requested from a callback does nothing
inner = []
def reentrant(phase, info):
    inner.append(gc.collect())
gc.callbacks[:] = [reentrant]
gc.collect()
print("gc.collect() inside a callback:", inner)

# errors in callbacks are unraisable and do not stop the collection
def hook(u):
    print("unraisable:", u.exc_type.__name__, u.exc_value, u.object.__name__)
sys.unraisablehook = hook
def broken(phase, info):
    raise RuntimeError("broken " + phase)
gc.callbacks[:] = [broken, recorder]
a = Node()
a.me = a
del a
print("collect with a broken callback:", gc.collect())
print([(p, i["collected"]) for p, i in events])
events.clear()

# a callback can remove itself
def once(phase, info):
    print("once:", phase)
    if phase == "stop":
        gc.callbacks.remove(once)
gc.callbacks[:] = [once]
gc.collect()
gc.collect()
print("callbacks left:", gc.callbacks)

# automatic collections call them too
gc.callbacks.append(recorder)
gc.set_threshold(10)
gc.enable()
junk = [[] for _ in range(50)]
gc.disable()
gc.set_threshold(700)
gc.callbacks.remove(recorder)
print("automatic collections seen:", len(events) > 0, {i["generation"] for p, i in events} <= {0, 1, 2})
print(gc.callbacks)
gc.enable()
