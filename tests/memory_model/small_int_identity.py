# identity of small ints vs larger ints; constants within one code object
a = 256
b = 256
print("256 is 256:", a is b)
c = int("257")
d = int("257")
print("int('257') is int('257'):", c is d, c == d)
e = int("-5")
f = -5
print("-5 cached:", e is f)
g = int("-6")
h = int("-6")
print("-6 cached:", g is h)
print("computed 100+156 is 256:", (int("100") + int("156")) is a)
print("computed 200+57 is 257:", (int("200") + int("57")) is int("257"))

# values produced by arithmetic in the small range come from the cache
vals = [int(s) for s in ["0", "1", "255", "256", "257", "-5", "-6"]]
for v in vals:
    print(v, v is int(str(v)))

# the same literal in one code object refers to one constant
def same_code():
    x = 1000
    y = 1000
    return x is y
print("same literal in one function:", same_code())

# range() produces cached small ints
r = list(range(250, 260))
print([x is int(str(x)) for x in r])

# bool is not int-identical, but int(True) is the cached 1
one = 1
print(True is one, int(True) is one, True == one)

# sum and len return cached small ints
print(len([1, 2, 3]) is int("3"), sum([100, 100]) is int("200"), sum([200, 200]) is int("400"))

# floats and strings are separate matters
x1 = float("1.5")
x2 = float("1.5")
print("floats equal but distinct:", x1 == x2, x1 is x2)
