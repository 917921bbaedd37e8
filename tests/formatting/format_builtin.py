# format() builtin and __format__ of builtin types
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

print(repr(format(42)), repr(format(42, "")), repr(format("s", "")), repr(format(None)), repr(format([1])))
for v, spec in [(3.5, "08.3f"), (-3.5, "<8"), ("abc", ">6"), ("abc", "^7"), ("abc", "x<6"), (True, "d"),
                (True, ""), (12, "n"), (1e6, "n"), (-0.0, "+"), (0.5, "%"), (10 ** 20, "e"), ("é", "*^5"),
                (255, "#X"), (-255, "#x"), (1 + 1j, ""), (1.0, ".0%"), (123.456, "+012.2f"), (1e-7, "f"),
                (5, "=+6"), ("x", "=^5" if False else "^5"), (float("inf"), "010"), (float("nan"), "+"), (2 ** 64, "_x")]:
    print(repr(v), repr(spec), repr(format(v, spec)))
check(lambda: format(1, 1))
check(lambda: format(1, "", ""))
check(lambda: format())
check(lambda: format("s", "d"))
check(lambda: format("s", "+"))
check(lambda: format("s", "="))
check(lambda: format("s", "#"))
check(lambda: format([1], "x"))
check(lambda: format(1, "10000000000000000000000"))
check(lambda: format(1.0, ".1000000000000000000f"))
check(lambda: format(1, "<<<"))
check(lambda: format(1, "0>"))
print(int.__format__(5, "03"), float.__format__(1.5, ".0f"), str.__format__("a", ">3"), object.__format__(1, ""))
print(type(format(1, "")).__name__, format(True, "^7"), format(False, "s") if False else format(str(False), ">6"))
