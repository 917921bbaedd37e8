# With the collector enabled, a loop making garbage cycles runs in bounded
# memory; with it disabled, the cycles pile up until gc.collect().
import gc

class Node:
    live = 0
    peak = 0
    def __init__(self):
        Node.live += 1
        if Node.live > Node.peak:
            Node.peak = Node.live
    def __del__(self):
        Node.live -= 1

gc.collect()
for i in range(200_000):
    a, b = Node(), Node()
    a.other, b.other = b, a
del a, b
print("collector enabled: peak live nodes below 5000:", Node.peak < 5000)
gc.collect()
print("all freed:", Node.live)

gc.disable()
Node.peak = 0
for i in range(20_000):
    a, b = Node(), Node()
    a.other, b.other = b, a
del a, b
print("collector disabled: live nodes:", Node.live)
print("gc.collect():", gc.collect())
print("live after collect:", Node.live)
gc.enable()
