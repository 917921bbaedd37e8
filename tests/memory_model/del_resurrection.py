# __del__ runs once (PEP 442) even if the object is resurrected
import sys
graveyard = []

class Phoenix:
    def __init__(self, name):
        self.name = name
        self.deaths = 0
    def __del__(self):
        self.deaths += 1
        print(f"__del__ {self.name} (death #{self.deaths})")
        if self.deaths == 1:
            graveyard.append(self)     # resurrect

p = Phoenix("bird")
del p
print("after del, graveyard:", [x.name for x in graveyard])
revived = graveyard.pop()
print("revived refcount:", sys.getrefcount(revived))
del revived
print("second death: __del__ was not called again")

# objects referenced only from a __del__-resurrected object survive too
class Keeper:
    def __init__(self):
        self.payload = Loud("payload")
    def __del__(self):
        print("Keeper.__del__ resurrecting")
        graveyard.append(self)
class Loud:
    def __init__(self, n): self.n = n
    def __del__(self): print("Loud.__del__", self.n)
k = Keeper()
del k
print("payload alive:", graveyard[0].payload.n)
graveyard.clear()
print("graveyard cleared")

# __del__ that raises still only runs once
class Once:
    calls = 0
    def __del__(self):
        Once.calls += 1
o = Once()
del o
print("Once.calls:", Once.calls)
