# f-strings: expressions, conversions, nested specs, = debugging
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

name, n, pi = "Ada", 42, 3.14159
items = [1, 2]
d = {"k": "v"}
print(f"{name} has {n} items, {pi:.2f}, {items}, {d['k']}, {d}")
print(f"{name!r} {name!s} {name!a} {'é'!a} {'é'!r}")
print(f"{n:>6}|{n:<6}|{n:^6}|{n:06}|{n:+}|{n:x}|{n:#b}|{n:,}")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|{pi:<{width}}|{name:{'*'}^{width}}")
print(f"{n=}", f"{n = }", f"{pi=:.1f}", f"{name=!s}", f"{items[0]=}", f"{n + 1=}")
print(f"{{literal braces}}", f"{{{n}}}", f"{'{'}")
print(f"{'nested ' + f'{n}'}", f"{f'{f"{n}"}'}")
print(f"{3 if n > 10 else 4}", f"{(lambda x: x * 2)(n)}", f"{[x for x in range(3)]}", f"{n:{'>' if n else '<'}5}")
print(f"{'a' 'b'}", f"multi {n}" f" part {name}", F"upper {n}", rf"raw \n {n}", fr"{name}\t")
print(f"{n!r:>5}", f"{name!r:^9}", f"{None}", f"{None!r:>6}", f"{True:>6}", f"{1.0:g}")
print(f"""triple
{name}""", f"{chr(10)!r}", f"{'\n'.join(['a', 'b'])}")
print(f"{d["k"]}", f"{'x':{'>'}3}", f"{n:{width}}")
obj = 3 + 4j
print(f"{obj.real} {obj.imag} {obj:.1f}", f"{obj!s:>12}")
x = 5
print(f"{x!r}", f"{x:}", f"{x}" == str(x), f"{-x}", f"{x*2:03d}", f"{x:%}" if False else f"{x/8:.1%}")
check(lambda: f"{n:q}")
check(lambda: f"{name:d}")
check(lambda: f"{undefined_variable}")
check(lambda: eval('f"{n!x}"'))
check(lambda: eval('f"{}"'))
check(lambda: eval('f"{n"'))
check(lambda: eval('f"}"'))
check(lambda: f"{n:{'bad'}}")
