# PEP 442: objects with __del__ in cycles are finalized and collected
import gc
gc.collect()

class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None
    def __del__(self):
        print("__del__", self.name, "peer:", self.peer.name if self.peer else None)

a = Node("a")
b = Node("b")
a.peer = b
b.peer = a
del a, b
found = gc.collect()
print("collected something:", found > 0, "garbage:", gc.garbage)

# self-cycle with finalizer
s = Node("self")
s.peer = s
del s
gc.collect()
print("self cycle done")

# finalizer resurrecting an object out of a cycle
saved = []
class Resurrect:
    def __init__(self):
        self.me = self
    def __del__(self):
        print("Resurrect.__del__ saving self")
        saved.append(self)
r = Resurrect()
del r
gc.collect()
print("resurrected:", len(saved), type(saved[0]).__name__)
saved[0].me = None
saved.clear()
print("no second __del__ after resurrection")
gc.collect()

# gc.callbacks are invoked around collections
events = []
def cb(phase, info):
    events.append((phase, info["generation"]))
gc.callbacks.append(cb)
gc.collect()
gc.callbacks.remove(cb)
print(events)

# weakref to an object in a cycle is cleared before finalizers run
import weakref
class W:
    def __del__(self):
        print("W.__del__, weakref dead:", wr() is None)
w = W()
w.cycle = w
wr = weakref.ref(w)
del w
gc.collect()
print("weakref after collect:", wr())
