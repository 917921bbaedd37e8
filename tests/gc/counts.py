# gc.get_count(): generation 0 counts allocations of GC-capable objects
# minus deallocations; free lists are invisible; collections reset it.
# The counts are read into variables first: printing itself allocates.
import gc
gc.disable()

gc.collect()
c0 = gc.get_count()
l1 = []
c1 = gc.get_count()
l2 = [1, 2, 3]
c2 = gc.get_count()
d1 = {}
c3 = gc.get_count()
s1 = set()
c4 = gc.get_count()
t1 = (1, [])
c5 = gc.get_count()
print("after collect:", c0)
print("deltas:", c1[0] - c0[0], c2[0] - c1[0], c3[0] - c2[0], c4[0] - c3[0], c5[0] - c4[0])

# the 3-tuples returned by get_count() are GC objects too: measure them
gc.collect()
a = gc.get_count()
b = gc.get_count()
print("one get_count() result:", b[0] - a[0])

# deallocation gives the count back (unless a free list keeps the object)
gc.collect()
before = gc.get_count()
many = [[] for _ in range(50)]
mid = gc.get_count()
del many
after = gc.get_count()
print("50 lists:", mid[0] - before[0], "after del:", after[0] - before[0])

# collections of each generation
gc.collect()
gc.collect(0)
g0 = gc.get_count()
gc.collect(0)
gc.collect(0)
g1 = gc.get_count()
gc.collect(1)
g2 = gc.get_count()
gc.collect(2)
g3 = gc.get_count()
print("gen0 collect:", g0, "three gen0:", g1, "gen1:", g2, "gen2:", g3)

print("threshold:", gc.get_threshold())
gc.set_threshold(500)
print("set_threshold(500):", gc.get_threshold())
gc.set_threshold(100, 20)
print("set_threshold(100, 20):", gc.get_threshold())
gc.set_threshold(700, 10, 10)
print("restored:", gc.get_threshold())

stats = gc.get_stats()
print(len(stats), [sorted(s) for s in stats])
gc.collect(1)
after_stats = gc.get_stats()
print("gen-1 collections grew by", after_stats[1]["collections"] - stats[1]["collections"])
gc.enable()
