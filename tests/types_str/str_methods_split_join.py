# split / rsplit / splitlines / partition / join
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

print("a b  c\td\n".split(), " lead trail ".split(), "".split(), "   ".split())
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1), ",a,".split(","))
print("".split(","), "abc".split("abc"), "a<>b<>c".split("<>"), "a b c".split(maxsplit=1))
print("a b c".rsplit(None, 1), "  a  b  ".rsplit(maxsplit=1), "a b c".split(" ", 0), "a b".split(sep=None))
print("line1\nline2\r\nline3\rline4".splitlines(), "x\n\ny\n".splitlines(), "x\ny\n".splitlines(True))
print("a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h\u2029i".splitlines(), "".splitlines(), "\n".splitlines())
print("key=value=x".partition("="), "novalue".partition("="), "a.b.c".rpartition("."), "abc".rpartition("z"))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"), "/".join(("only",)),
      "x".join(k for k in ["1", "2"]), "".join({"k": 1}))
check(lambda: "a".split(""))
check(lambda: "a".split(1))
check(lambda: "a".partition(""))
check(lambda: "a".rpartition(None))
check(lambda: ",".join([1, 2]))
check(lambda: ",".join(["a", None]))
check(lambda: ",".join(5))
check(lambda: ",".join([b"x"]))
check(lambda: "a b".split(maxsplit="1"))
