# set and frozenset operators (results printed sorted)
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", type(r).__name__, sorted(r) if isinstance(r, (set, frozenset)) else repr(r))

a, b = {1, 2, 3, 4}, {3, 4, 5, 6}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(b - a), sorted(a ^ b))
print(a < b, {1, 2} < a, a < a, a <= a, a > {1}, a >= a, a == {4, 3, 2, 1}, a != b)
fa = frozenset(a)
print(type(fa | b).__name__, type(b | fa).__name__, type(fa & {1}).__name__, fa == a, hash(fa) == hash(frozenset(a)))
check(lambda: a | [1])
check(lambda: a & "ab")
check(lambda: a - 1)
check(lambda: a < [1])
check(lambda: fa | {7})
check(lambda: {1} + {2})
check(lambda: hash({1}))

# augmented operators mutate in place for set
s = {1, 2}
orig = s
s |= {3}
s &= {1, 3, 9}
s -= {1}
s ^= {4, 3}
print(sorted(s), s is orig)
f = frozenset({1, 2})
forig = f
f |= {3}
print(sorted(f), f is forig, type(f).__name__)

# frozenset
print(frozenset(), sorted(frozenset("aab")), frozenset() == set(), frozenset([1]) in {frozenset([1])})
print(sorted(frozenset({1, 2}).union([3])), frozenset({1}).copy() is not None)
check(lambda: frozenset([1]).add(2))
check(lambda: frozenset([[1]]))
empty1, empty2 = frozenset(), frozenset([])
print(empty1 == empty2, len(empty1))

# set of mixed hashables; 1 == 1.0 == True
mixed = {1, 1.0, True, "1", (1,), None}
print(len(mixed), sorted(map(repr, mixed)))
print({0, False, 0.0, -0.0}, {1, True} == {1})

# repr of small int sets is deterministic
print({1, 2, 3}, {-1}, set([5]), frozenset([7]), {(1, 2)})
# comparisons between set and frozenset
print({1} == frozenset([1]), {1} < frozenset([1, 2]), frozenset([1]) <= {1})
# in with unhashable set argument
print({1, 2} in {frozenset({1, 2})})
check(lambda: [1] in {1})
