# A loop-heavy numeric kernel: int and float arithmetic in while/for loops.
def kernel(n):
    total = 0
    acc = 0.0
    i = 0
    while i < n:
        total += i * i % 7
        acc += i * 0.5
        i += 1
    for j in range(n):
        if j & 1:
            total -= j
        else:
            total += j // 3
    return total, acc

print(kernel(3_000_000))
