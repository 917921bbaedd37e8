lst = [3, 1, 2]
lst.append(5)
lst.extend([9, 0])
print(lst, len(lst), lst[0], lst[-1], lst[1:3], lst[::2], lst[::-1])
lst[0] = 100
del lst[1]
print(lst, sorted(lst), min(lst), max(lst), sum(lst))
print([1, 2] + [3], [0] * 3, 2 in lst, 7 not in lst)

t = (1, "a", 2.5)
print(t, t[1], len(t), t + (None,), (1,), ())
print(tuple([1, 2]), list((3, 4)), list(range(5)), list(range(10, 0, -3)))

d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"], "one" in d, d.get("four"), d.get("four", 4))
del d["one"]
print(list(d.keys()), list(d.values()), list(d.items()))
for k in d:
    print(k, d[k])
print(dict(a=1, b=2), {}, {1: {2: [3]}})

s = "Hello, World"
print(s.upper(), s.lower(), s[0], s[-1], s[7:], len(s), s.split(", "), "-".join(["a", "b", "c"]))
print(s.replace("l", "L"), s.find("World"), s.startswith("Hell"), s.strip("Hd"), repr(s))
print(str(42), repr("q'uote"), repr('d"q'), str(3.0), str(None), str([1, "x"]))
nested = [[1, 2], [3, [4, 5]]]
print(nested[1][1][0], nested)
