# str search methods: find/rfind/index/rindex/count/startswith/endswith/in
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

s = "abracadabra"
print(s.find("a"), s.find("bra"), s.find("zz"), s.find("a", 1), s.find("a", 1, 3), s.find("a", -4))
print(s.rfind("a"), s.rfind("bra"), s.rfind("zz"), s.rfind("a", 0, 5), s.find(""), s.rfind(""), s.find("", 20))
print(s.index("c"), s.rindex("a"), s.count("a"), s.count("bra"), s.count(""), s.count("a", 5), "".count(""))
print(s.startswith("abr"), s.startswith("bra", 1), s.startswith(("x", "ab")), s.endswith("bra"),
      s.endswith("cad", 0, 7), s.endswith(()), s.startswith(""))
print("bra" in s, "" in s, "xyz" not in s, "A" in s)
print("aaaa".count("aa"), "aaaa".find("aa", 1), "aaa".replace("aa", "b"))
check(lambda: s.index("z"))
check(lambda: s.rindex("z"))
check(lambda: s.find(1))
check(lambda: s.count(None))
check(lambda: s.startswith(["a"]))
check(lambda: s.startswith(("a", 1)))
check(lambda: s.endswith(1))
check(lambda: 1 in s)
check(lambda: s.find("a", "1"))
check(lambda: s.find("a", None, None))
check(lambda: s.index("a", 2 ** 100))
