import sys

s = "x" * 50
print(sys.getrefcount(s))
s2 = s
print(sys.getrefcount(s))
del s2
print(sys.getrefcount(s))

# Immortal objects report 2**32 - 1 in 3.12.
print(sys.getrefcount(None))
print(sys.getrefcount(True), sys.getrefcount(False))
print(sys.getrefcount(0), sys.getrefcount(256), sys.getrefcount(-5))
print(sys.getrefcount(()), sys.getrefcount(""))
print(sys.getrefcount(int), sys.getrefcount(...), sys.getrefcount(NotImplemented))

x = 256
y = 256
print(x is y)
a = int('300')
b = int('300')
print(a is b, a == b)
print(int('256') is 256)
print(sys.getrefcount(a))
