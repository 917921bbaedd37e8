import sys

lst = [1, 2, 3]
print(sys.getrefcount(lst))

def f(arg):
    print(sys.getrefcount(arg))

f(lst)

holder = [lst]
print(sys.getrefcount(lst))
d = {"k": lst}
print(sys.getrefcount(lst))
t = (lst, lst)
print(sys.getrefcount(lst))
del holder
print(sys.getrefcount(lst))
del d["k"]
print(sys.getrefcount(lst))
del t
print(sys.getrefcount(lst))

def g():
    local = [0]
    print(sys.getrefcount(local))
    other = local
    print(sys.getrefcount(local))
    return local

r = g()
print(sys.getrefcount(r))
