# printf-style % formatting
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

print("%s %s" % ("a", 1), "%d%%" % 50, "%r" % "q", "%a" % "é", "%s" % [1, 2], "%s" % (("tuple",),))
print("%5s|%-5s|%.2s|%5.1s|" % ("abc", "abc", "abc", "abc"))
print("%d %i %u %5d %-5d| %05d %+d % d %x %X %o %#x %#o %#X" % (42, 42, 42, 42, 42, 42, 42, 42, 255, 255, 8, 255, 8, 255))
print("%f %.2f %10.3f %-10.1f| %e %.2E %g %G %.3g %%" % (3.14159, 3.14159, 3.14159, 3.14159, 12345.678, 0.00012, 1e-5, 1e20, 2.0 / 3))
print("%c%c%c" % (72, "i", 33), "%s" % None, "%d" % True, "%.0f" % 2.5, "%.0f" % 3.5, "%d" % 3.99, "%x" % -255)
print("%(name)s is %(age)d" % {"name": "Al", "age": 30}, "%(x)s %(x)r" % {"x": "rep"})
print("%*d|%-*d|%.*f" % (5, 1, 5, 2, 2, 3.14159))
print("%s" % "single", "%s %s" % ("t", "u"), "no args" % (), "%s" % {"k": 1}, "%s" % {"k": 1}.keys())
print("%i %d" % (1.9, -1.9), "%o" % 8, "%e" % 0, "%s" % b"b", "%r" % b"b", "%5.2f%%" % 12.345)
print("%-6s|%6s|" % (True, None), "%s" % 1e100, "%.15g" % 0.1, "%r" % 0.1, "%10r|" % "x")
check(lambda: "%d" % "x")
check(lambda: "%s %s" % ("a",))
check(lambda: "%s" % ("a", "b"))
check(lambda: "%z" % 1)
check(lambda: "%(key)s" % {"other": 1})
check(lambda: "%(key)s" % ("a",))
check(lambda: "%c" % "ab")
check(lambda: "%c" % -1)
check(lambda: "%c" % 1.5)
check(lambda: "%d" % None)
check(lambda: "%f" % "1")
check(lambda: "%x" % 1.0)
check(lambda: "%" % ())
check(lambda: "%s %" % (1,))
check(lambda: "%*d" % ("a", 1))
check(lambda: "abc" % 5)
check(lambda: "%d" % [])
class Idx:
    def __index__(self): return 11
class IntLike:
    def __int__(self): return 12
print("%x %d" % (Idx(), Idx()))
check(lambda: "%d" % IntLike())
check(lambda: "%x" % IntLike())
