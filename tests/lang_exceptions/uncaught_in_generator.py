# uncaught exception raised inside a generator consumed by a for loop
def numbers(items):
    for it in items:
        yield 100 // it

total = 0
for v in numbers([5, 2, 0, 1]):
    print("got", v)
    total += v
print("unreachable", total)
