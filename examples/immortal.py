# immortal.py -- CPython 3.12 immortal objects never change their count.
import sys

for name, obj in [("None", None), ("True", True), ("small int 7", 7),
                  ("empty tuple", ()), ("empty str", ""), ("int type", int)]:
    before = sys.getrefcount(obj)
    refs = [obj] * 1000
    print(f"{name:12} {before}  after 1000 more references: {sys.getrefcount(obj)}")
    del refs

big = 10 ** 20
print("a big int is mortal:    ", sys.getrefcount(big))
x = 256
y = 256
print("256 is 256:", x is y, "  int('300') is int('300'):", int('300') is int('300'))
