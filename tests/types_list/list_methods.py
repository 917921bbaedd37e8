# all list methods, with error cases
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

l = [3, 1, 2]
l.append(4); print(l)
l.extend([5, 6]); l.extend("ab"); l.extend(range(2)); l.extend(x for x in [9]); print(l)
l.insert(0, "first"); l.insert(100, "last"); l.insert(-1, "beforelast"); l.insert(-100, "veryfirst"); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove("a"); print(l)
print(l.index(1), l.index(2, 2), l.index(0, -3), l.count(1), l.count("zz"))
l2 = l.copy(); l2.clear(); print(l2, l)
l.reverse(); print(l)
nums = [5, 3, 8, 1]
nums.sort(); print(nums)
nums.sort(reverse=True); print(nums)
check(lambda: [].pop())
check(lambda: [1].pop(5))
check(lambda: [1].pop("0"))
check(lambda: [1].remove(2))
check(lambda: [1].index(2))
check(lambda: [1, 2, 3].index(3, 0, 2))
check(lambda: [].insert(0))
check(lambda: [].insert("0", 1))
check(lambda: [].extend(5))
check(lambda: [].append())
check(lambda: [3, "a"].sort())
check(lambda: [].sort(1))
check(lambda: [].count())
check(lambda: [].copy(1))
print([1, 2] + [3], [0] * 3, 2 * [1, 2], [] * 100, [1] * -1, [[]] * 2)
check(lambda: [1] + (2,))
check(lambda: [1] * 1.5)
check(lambda: [1] - [1])
a = [1, 2]
b = a
a += (3, 4)
a *= 2
print(a, b is a)
a *= 0
print(a, b)
print(list(), list("ab"), list((1, 2)), list({"k": 1}), list(range(3)), list(x * 2 for x in range(3)))
check(lambda: list(1))
check(lambda: list([1], [2]))
print(len([1, [2, 3]]), [1, 2] == [1, 2], [1, 2] < [1, 3], [1] < [1, 0], [] < [0], [2] > [1, 9])
print(3 in [1, 2, 3], "x" not in ["x"], [1, [2]] == [1, [2]], [1, 2] != [2, 1])
check(lambda: [1] < ["a"])
