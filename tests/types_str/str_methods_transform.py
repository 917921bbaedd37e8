# str transformations: replace, strip, pad, expandtabs, translate, removeprefix
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

s = "  Hello, World!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")),
      repr("abcHIcba".strip("abc")), repr("\t\n x \r\f\v".strip()), repr("".strip()))
print(repr("a-b-c".replace("-", "+")), repr("a-b-c".replace("-", "", 1)), repr("abc".replace("", "|")),
      repr("aaa".replace("a", "b", -1)), repr("aaa".replace("a", "b", 0)), repr("x".replace("y", "z")))
print(repr("ab".center(7)), repr("ab".center(7, "*")), repr("abc".center(6, "-")), repr("ab".center(1)))
print(repr("ab".ljust(5, ".")), repr("ab".rjust(5)), repr("42".zfill(5)), repr("-42".zfill(5)),
      repr("+4".zfill(4)), repr("abc".zfill(2)), repr("".zfill(3)))
print(repr("a\tbc\td".expandtabs()), repr("a\tb".expandtabs(4)), repr("a\tb\nc\td".expandtabs(2)),
      repr("\t".expandtabs(0)))
table = str.maketrans("abc", "xyz", "d")
print(table)
print("abcd-abcd".translate(table), "hello".translate({ord("l"): None, ord("h"): "J"}))
print(str.maketrans({"a": "1", "b": None}), "ab".translate({97: 98}))
print("prefix_body".removeprefix("prefix_"), "prefix_body".removeprefix("x"), "file.py".removesuffix(".py"),
      "file.py".removesuffix(""))
print(repr("Hello".ljust(3)), "abc" * 3, "abc" * 0, "abc" * -1, 3 * "ab")
check(lambda: "ab".center(5, "**"))
check(lambda: "ab".center("5"))
check(lambda: "ab".ljust(5, 1))
check(lambda: "a".replace(1, "b"))
check(lambda: "a".strip(1))
check(lambda: str.maketrans("ab", "c"))
check(lambda: str.maketrans(1))
check(lambda: str.maketrans({"ab": 1}))
check(lambda: "a".translate({97: 1.5}))
check(lambda: "a".zfill("3"))
check(lambda: "x" * 2.0)
check(lambda: "a".removeprefix(None))
