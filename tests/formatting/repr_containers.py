# repr of floats inside containers and nested/recursive structures
print([0.1, 0.25, 1e-10, 1e16, 1.0, -0.0, float("inf")])
print((0.1 + 0.2,), {0.5: 1.5}, {1.1}, [[1.0], (2.0,)])
print(repr("string with 'single' quotes"), repr('string with "double" quotes'), repr("both ' and \""))
print(["a", 'b"', "c'", "\n", "\\", "\x00", "é", "\u200b", "😀"])
print(str(["x"]), str(("x",)), str({"x": "y"}), str({"x"}), repr(frozenset({"x"})))
print([None, True, False, ..., NotImplemented], (int, str, type(None)), [len, print] == [len, print])
print([[[]]], [(), ((),)], {(): ()}, {1: {2: {3: {}}}}, [set(), frozenset()], [b"", bytearray()])
a = [1]
a.append(a)
b = {"a": a}
a.append(b)
print(a)
print(b)
t = ([],)
t[0].append(t)
print(t)
s = {"k": None}
s["k"] = [s, s]
print(s)
print(repr(range(3)), repr(slice(1)), repr([range(2), slice(None, 2)]), repr({1: range(1)}))
print(repr(1e22), repr(1e21), repr(123456789012345.6), repr(0.000123), repr(1.5e-5), repr(-1e-300))
print(str(1e22), [1e22], f"{1e22}", "%s" % 1e22, "%r" % [1e22])
class R:
    def __repr__(self):
        return "R!"
    def __str__(self):
        return "str-R"
print([R()], (R(),), {R(): R()} if False else {"k": R()}, str([R()]), f"{[R()]}", "%s" % [R()])
print(R(), str(R()), f"{R()}", f"{R()!r}", "{}".format(R()), "{!r}".format(R()))
