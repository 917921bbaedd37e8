# string interning: which strings are shared
import sys

a = "identifier_like"
b = "identifier_like"
print("identifier-like constants:", a is b)

c = "has spaces!"
d = "has spaces!"
print("same constant in one module code object:", c is d)

def other_code():
    return "has spaces!"
print("non-identifier constant from another code object:", other_code() is c)

def other_code2():
    return "identifier_like"
print("identifier constant from another code object:", other_code2() is a)

e = "".join(["ident", "ifier_like"])
print("runtime-built string equal but not identical:", e == a, e is a)
print("sys.intern returns the interned one:", sys.intern(e) is a)

f = "".join(["brand", "_new_string_xyz"])
g = sys.intern(f)
print("interning a new string returns itself:", g is f)
h = "".join(["brand_new", "_string_xyz"])
print("later intern returns the first:", sys.intern(h) is f)

# single characters are cached
x = "".join(["q"])
Q = "q"
print("single char from join is the cached one:", x is Q)
print("chr cached for latin-1:", chr(233) is chr(233), "chr not cached above 255:", chr(300) is chr(300))

# constant folding
folded = "ab" * 3
print("folded constant:", folded == "ababab")

# dict keys and attribute names are interned
class K:
    attr_name_xyz = 1
key = [k for k in vars(K) if k.startswith("attr_name")][0]
ATTR = "attr_name_xyz"
print("attribute name interned:", key is ATTR)

# empty string singleton
empty = "".join([])
E = ""
print("empty string singleton:", empty is E, str() is E, "abc"[3:] is E)
try:
    sys.intern(b"bytes")
except TypeError as err:
    print("TypeError:", err)
class S(str):
    pass
try:
    sys.intern(S("sub"))
except TypeError as err:
    print("TypeError:", err)
