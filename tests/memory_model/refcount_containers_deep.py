# reference counts of objects stored in containers of every kind
import sys

class Obj:
    pass

x = Obj()
base = sys.getrefcount(x)
print("base:", base)

def delta():
    return sys.getrefcount(x) - base

lst = [x, x, x]
print("list with 3 refs:", delta())
lst2 = [x] * 5
print("list multiplication adds 5:", delta())
del lst2
print("slice copy:", end=" ")
cp = lst[:]
print(delta())
del cp
t = (x,)
print("tuple:", delta())
s = {x}
print("set:", delta())
s.add(x)
print("set add same:", delta())
fs = frozenset([x])
print("frozenset:", delta())
d = {"k": x}
print("dict value:", delta())
d2 = {x: 1}
print("dict key:", delta())
d3 = {x: x}
print("dict key and value:", delta())
dc = d3.copy()
print("dict copy:", delta())
nested = [[x], (x,), {"n": [x]}]
print("nested:", delta())
del lst, t, s, fs, d, d2, d3, dc, nested
print("all deleted:", delta())

# list operations
l = []
l.append(x); l.append(x)
print("append twice:", delta())
l.pop()
print("pop (result discarded):", delta())
l.extend([x, x])
print("extend:", delta())
l.remove(x)
print("remove:", delta())
l.clear()
print("clear:", delta())
l = [x, 1, 2]
l[0] = 0
print("overwrite slot:", delta())
l.insert(0, x); l.insert(0, x)
del l[:1]
print("del slice:", delta())
del l

# dict operations
d = {}
d["a"] = x
d.setdefault("b", x)
d.update(c=x)
print("dict three values:", delta())
d.pop("a")
d.popitem()
print("after pop and popitem:", delta())
d["b"] = None
print("value replaced:", delta())
del d

# iteration does not leave references behind
items = [x] * 3
for it in items:
    pass
print("loop variable holds one:", delta())
del it, items
print("end:", delta())
