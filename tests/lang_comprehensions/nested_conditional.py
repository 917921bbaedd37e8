# nested and conditional comprehensions: practical recipes
words = ["apple", "Banana", "cherry", "date", "Elder", "fig", "grape"]
print([w for w in words if len(w) > 4 if w[0].islower()])
print([w.upper() if w[0].isupper() else w for w in words])
print({len(w): sorted(x for x in words if len(x) == len(w)) for w in words})

# flatten and filter
nested = [[1, -2], [], [3, [4]], [-5]]
flat = [v for sub in nested for v in sub if not isinstance(v, list)]
print(flat, [v for v in flat if v > 0])

# transposition and products
m = [[1, 2], [3, 4], [5, 6]]
print([list(col) for col in zip(*m)])
print([[sum(a * b for a, b in zip(row, col)) for col in zip(*m)] for row in [[1, 0, 1]]])

# primes by comprehension
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)

# pythagorean triples
print([(a, b, c) for c in range(1, 30) for b in range(1, c) for a in range(1, b)
       if a * a + b * b == c * c])

# grouping via dict comprehension and sets
nums = range(1, 16)
print({r: [n for n in nums if n % 3 == r] for r in range(3)})
print(sorted({n % 4 for n in nums if n > 10}))

# index-value pairs and enumerate
print([(i, c) for i, c in enumerate("abcde") if i % 2 == 0])
print({c: i for i, c in enumerate("hello")})

# comprehensions over strings and dicts
inv = {"a": 3, "b": 0, "c": 7}
print({k: v for k, v in inv.items() if v})
print(sorted(inv, key=lambda k: -inv[k]))
print([ch * n for ch, n in inv.items()])

# conditional expressions nested deeply
print(["fizzbuzz" if n % 15 == 0 else "fizz" if n % 3 == 0 else "buzz" if n % 5 == 0 else n
       for n in range(1, 16)])
