# list identity, copying, nesting, aliasing, iteration while modifying
a = [1, 2, 3]
b = a
c = a[:]
d = list(a)
a.append(4)
print(a, b, c, d, a is b, a is c, a == b)

grid = [[0] * 3] * 3
grid[0][0] = 1
print(grid)
grid = [[0] * 3 for _ in range(3)]
grid[0][0] = 1
print(grid)

# self-containing list repr
r = [1, 2]
r.append(r)
print(r, len(r), r[2] is r)
d = {"k": []}
d["k"].append(d)
print(d)

# iteration while modifying
items = [1, 2, 3, 4, 5, 6]
for x in items:
    if x % 2 == 0:
        items.remove(x)
print(items)
items = [1, 2, 3, 4]
print([x for x in items if x != 2])

# list as stack and queue
stack = []
for i in range(3):
    stack.append(i)
print(stack.pop(), stack.pop(), stack)
queue = [1, 2, 3]
print(queue.pop(0), queue)

# enumerate / zip / reversed over lists
letters = ["a", "b", "c"]
print(list(enumerate(letters, 1)), list(zip(letters, range(3))), list(reversed(letters)))
rev = reversed(letters)
letters.append("d")
print(list(rev))
print(letters.__reversed__().__length_hint__())

# nested unpack from list of lists
pairs = [[1, 2], [3, 4]]
for x, y in pairs:
    print(x * y, end=" ")
print()

# max/min/sum/any/all on lists
vals = [3, 7, -2, 0]
print(max(vals), min(vals), sum(vals), any(vals), all(vals), sorted(vals)[1])

# list equality with nan identity shortcut
nan = float("nan")
print([nan] == [nan], [float("nan")] == [float("nan")])

# index assignment with negatives
vals[-1] = 100
vals[0] += 1
print(vals)
print([1, 2, 3].__len__(), [].__class__.__name__, list.__name__, [1, 2].__contains__(2))
print(sum([[1], [2], [3]], []))
