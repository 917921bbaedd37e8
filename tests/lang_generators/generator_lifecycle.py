# generator lifecycle: finally blocks, references, del
import sys

def resource(name):
    print("acquire", name)
    try:
        for i in range(3):
            yield f"{name}{i}"
    finally:
        print("release", name)

for v in resource("a"):
    print("use", v)

for v in resource("b"):
    print("use", v)
    if v == "b0":
        break
print("after break")

g = resource("c")
print(next(g))
g = None
print("after rebinding")

def consume_two():
    gen = resource("d")
    return next(gen), next(gen)
print(consume_two())

# unstarted generator: no finally executes
g = resource("e")
del g
print("unstarted deleted")

# generator holding a reference to an object
class Tracker:
    def __init__(self, n): self.n = n
    def __del__(self): print("Tracker", self.n, "freed")
def holds():
    t = Tracker(1)
    yield t.n
    yield t.n
h = holds()
print(next(h))
print("deleting generator")
del h
print("done")

# generators keep their locals
def acc():
    total = 0
    while True:
        total += yield total
a = acc()
next(a)
for v in [1, 2, 3]:
    print(a.send(v))
print(a.gi_frame.f_locals["total"])
a.close()
print(a.gi_frame)
