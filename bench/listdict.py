# Containers: list building, indexing, dict insertion and lookup, str keys.
def build(n):
    d = {}
    keys = []
    for i in range(n):
        k = "k" + str(i % 5000)
        keys.append(k)
        d[k] = d.get(k, 0) + i
    lst = [x * 2 for x in range(n)]
    s = 0
    for i in range(0, n, 3):
        s += lst[i]
    hits = 0
    for k in keys:
        if k in d:
            hits += 1
    return len(d), s, hits

print(build(600_000))
