# the time module: only type and sanity checks (values are not deterministic)
import time
t = time.time()
print(type(t).__name__, t > 1.6e9)
m1 = time.monotonic()
m2 = time.monotonic()
print(type(m1).__name__, m2 >= m1)
p1 = time.perf_counter()
p2 = time.perf_counter()
print(type(p1).__name__, p2 >= p1)
print(type(time.time_ns()).__name__, time.time_ns() > 1_600_000_000 * 10 ** 9)
print(time.sleep(0))
try:
    time.sleep(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    time.sleep("1")
except TypeError as e:
    print("TypeError:", e)
