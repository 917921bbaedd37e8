import sys

a = "hello_world"
b = "hello_world"
print(a is b)
print(sys.getrefcount(a))

c = "hello world!"
d = "hello world!"
print(sys.getrefcount(c) > 1)

s = "".join(["dyn", "amic"])
print(sys.getrefcount(s))
t = sys.intern(s)
print(t is s, sys.getrefcount(s))
print(sys.intern("dynamic") is t)
try:
    sys.intern(5)
except TypeError as e:
    print("TypeError:", e)
print(chr(200) is chr(200))
