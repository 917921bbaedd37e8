import sys

obj = "a string " + str(12345)
items = []
for i in range(5):
    items.append(obj)
    print(i, sys.getrefcount(obj))
while items:
    items.pop()
print(sys.getrefcount(obj))

def identity(v):
    return v

res = identity(obj)
print(sys.getrefcount(obj))
del res
print(sys.getrefcount(obj))

pair = (obj, obj)
a, b = pair
print(sys.getrefcount(obj))
del a, b, pair
print(sys.getrefcount(obj))
