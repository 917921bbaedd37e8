# float formatting with format specs
v = 1234.56789
for spec in ["", "f", ".2f", ".0f", "10.2f", "<10.2f", "^12.3f", "+.1f", " .1f", "e", ".3e", "E",
             "g", ".3g", ".10g", "G", "%", ".1%", ",.2f", "_.3f", "015.3f", "=+12.2f", "*>12.1f",
             "#.0f", "#g", ".0e", "#.0e", "n"]:
    print(repr(spec), repr(format(v, spec)))
for x in [0.0, -0.0, 1e-10, 1e16, 123456789.0, 0.00001234, float("inf"), float("-inf"), float("nan"), 1.5e300]:
    print(format(x), format(x, "g"), format(x, ".3"), format(x, "e"), format(x, ".2f"), format(x, "10.3g"))
print(format(-0.0, "z.1f"), format(-0.00001, "z.2f"), format(-0.0, ".1f"))
print(f"{2.5:.0f} {3.5:.0f} {0.125:.2f} {0.375:.2f} {1e-7:.3g} {1234.5:.1e}")
print(f"{3.14159:{'>'}{10}.{3}}", f"{1.0:.{2}%}")
print("%.3f %e %g %G %10.2f %-10.1f| %+.2e %.0f" % (v, v, v, 1e-20, v, v, v, 2.5))
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))
check(lambda: format(1.5, "d"))
check(lambda: format(1.5, "x"))
check(lambda: format(1.5, "c"))
check(lambda: format(1.5, ",_"))
check(lambda: format(1.5, ".f"))
check(lambda: format(1.5, "=s"))
check(lambda: "%d" % 1.5)
check(lambda: "%x" % 1.5)
