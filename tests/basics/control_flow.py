def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"

for v in [-5, 0, 3, 42]:
    print(v, classify(v))

total = 0
i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    total += i
print("total", total)

for i in range(3):
    for j in range(3):
        if j == 2:
            break
        print(i, j, end="; ")
print()

n = 0
while True:
    n += 1
    if n >= 5:
        break
else:
    print("not reached")
print("n", n)

for k in range(2):
    pass
else:
    print("for-else ran", k)

x = 5
r = "big" if x > 3 else "small"
print(r)
print(x > 3 and x < 10, x < 3 or x == 5, not x, not 0)
print(0 or "default", 1 and "second", None or 0 or [])
