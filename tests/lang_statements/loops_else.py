# for/else, while/else, break, continue, pass
def find(items, target):
    for i, v in enumerate(items):
        if v == target:
            print("found at", i)
            break
    else:
        print("not found")
find([1, 2, 3], 2)
find([1, 2, 3], 9)
find([], 1)

n = 0
while n < 3:
    n += 1
else:
    print("while finished normally, n =", n)

n = 0
while True:
    n += 1
    if n == 5:
        break
else:
    print("never")
print("broke at", n)

# continue skips, else still runs
for i in range(5):
    if i % 2:
        continue
    print("even", i)
else:
    print("for else after continue")

# nested loops with break only exiting the inner
for i in range(3):
    for j in range(3):
        if j == i:
            break
        print(i, j)
    else:
        print("inner completed for", i)

# loop variable after loop
for k in range(4):
    pass
print("k after loop", k)
for k2 in []:
    pass
print("k2" in globals())

# modifying the loop target inside doesn't affect iteration
for i in range(3):
    print("i =", i)
    i = 100

# iterate over dict while building new one
src = {"a": 1, "b": 2}
dst = {}
for key in src:
    dst[key.upper()] = src[key]
print(dst)

# dict changed size during iteration
try:
    for key in src:
        src["new" + key] = 0
except RuntimeError as e:
    print("RuntimeError:", e)

# pass in various places
class Nothing:
    pass
def noop():
    pass
if True:
    pass
print(noop(), Nothing.__name__)

# while with complex condition and else skipped on break
items = [1, 2, 3]
while items:
    if items.pop() == 2:
        break
else:
    print("not reached")
print(items)

# for over a tuple-unpacking target
for (a, b), c in [((1, 2), 3), ((4, 5), 6)]:
    print(a + b + c, end=" ")
print()
