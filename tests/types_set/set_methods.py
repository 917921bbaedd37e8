# set methods (results printed sorted)
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", sorted(r) if isinstance(r, (set, frozenset)) else repr(r))

s = {3, 1, 2}
s.add(4); s.add(1)
print(sorted(s), len(s))
s.discard(10); s.discard(4)
s.remove(3)
print(sorted(s))
check(lambda: s.remove(99))
p = s.pop()
print(len(s), p in {1, 2})
s.update([5, 6], (7,), "ab")
print(sorted(s, key=str))
s.clear()
print(s, len(s))
check(lambda: set().pop())

a, b = {1, 2, 3, 4}, {3, 4, 5}
print(sorted(a.union(b)), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(sorted(a.union([9], (10,))), sorted(a.intersection(range(3), [1, 2, 9])), sorted(a.difference([1], [2])))
print(a.issubset(range(10)), {1}.issubset(a), a.issuperset([1, 2]), a.isdisjoint({9}), a.isdisjoint(b))
c = a.copy()
c.intersection_update(b); print(sorted(c))
c = a.copy()
c.difference_update(b, [1]); print(sorted(c))
c = a.copy()
c.symmetric_difference_update(b); print(sorted(c))
c = a.copy()
c.update(b); print(sorted(c))
print(sorted(set("hello")), sorted(set([1, 1, 2])), set(), sorted(set(range(3))), sorted(set({"k": 1, "j": 2})))
check(lambda: {[1]})
check(lambda: set().add([]))
check(lambda: set(1))
check(lambda: set([1], [2]))
check(lambda: {1}.union(1))
check(lambda: {1}.issubset(1))
check(lambda: set().remove([]))
check(lambda: set().discard({}))
check(lambda: {1}.symmetric_difference_update([1], [2]))
print({frozenset({1})} == {frozenset([1])}, set().discard(set()) is None, {1, 2} == {2, 1})
x = {1}
x.discard({1})  # set argument converted to frozenset for lookup
print(x)
