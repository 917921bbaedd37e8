# attributes of builtin exceptions
def show(e):
    print(type(e).__name__, repr(str(e)), e.args)

show(KeyError("k"))
show(KeyError())
show(KeyError("a", "b"))
show(KeyError(1))
show(IndexError("list index out of range"))

s = StopIteration(5)
print(s.value, s.args)
print(StopIteration().value, StopIteration(1, 2).value)

def gen():
    yield 1
    return "result"
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("value:", e.value, e.args)

o = OSError(2, "No such file or directory")
print(o.errno, o.strerror, o.filename, str(o), type(o).__name__)
o2 = OSError(2, "No such file", "f.txt")
print(o2.errno, o2.filename, str(o2), type(o2).__name__)
o3 = OSError("just a message")
print(o3.errno, o3.strerror, str(o3))
print(type(OSError(13, "Permission denied")).__name__)
print(IOError is OSError, EnvironmentError is OSError)

se = SystemExit(3)
print(se.code, SystemExit().code, SystemExit(1, 2).code)
ki = KeyboardInterrupt()
print(isinstance(ki, Exception), isinstance(ki, BaseException))

u = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(u.encoding, u.object, u.start, u.end, u.reason)
print(str(u))

ae = AttributeError("msg", name="nm", obj=42)
print(ae.name, ae.obj, str(ae))
ne = NameError("nope", name="x")
print(ne.name)

ie = ImportError("cannot", name="mod", path="p")
print(ie.name, ie.path, ie.msg, str(ie))

se2 = SyntaxError("bad", ("file.py", 3, 5, "x = = 1\n"))
print(se2.msg, se2.filename, se2.lineno, se2.offset, se2.text, str(se2))

e = Exception("a")
e.custom = 1
print(e.custom, e.args)
e.args = ("b", 2)
print(str(e), repr(e))
e.args = [1]
print(e.args, type(e.args).__name__)

print(repr(BaseException()), repr(Exception(None)), str(Exception(None)))
print(repr(ZeroDivisionError("division by zero")))
try:
    1 / 0
except ZeroDivisionError as z:
    print(z.args, z.with_traceback(None) is z)
