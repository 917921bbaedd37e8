def check(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)

check(lambda: 1 + "a")
check(lambda: "a" + 1)
check(lambda: [1] * 2.5)
check(lambda: len(5))
check(lambda: 5())
check(lambda: [][0])
check(lambda: {}["missing"])
check(lambda: (1, 2)[5])
check(lambda: int("abc"))
check(lambda: float("x"))
check(lambda: 1 / 0)
check(lambda: 1 // 0)
check(lambda: 1 % 0)
check(lambda: 1.0 / 0)
check(lambda: undefined)
check(lambda: None.attr)
check(lambda: "x".nope)
check(lambda: -"x")
check(lambda: [] < 1)
check(lambda: hash([]))
check(lambda: sum(["a"]))
check(lambda: abs("x"))
check(lambda: min([]))
check(lambda: int(None))

def f(a, b):
    return a

check(lambda: f(1))
check(lambda: f(1, 2, 3))
check(lambda: f(1, c=2))
check(lambda: f(1, 2, a=3))
