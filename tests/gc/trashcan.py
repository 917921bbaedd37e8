# Deallocating very deep structures must not overflow the C stack: the
# trashcan defers nested deallocations past a fixed depth.
import gc

l = []
for i in range(10**6):
    l = [l]
del l
print("1,000,000-deep nested list freed")

t = ()
for i in range(10**6):
    t = (t,)
del t
print("1,000,000-deep nested tuple freed")

class N:
    pass
head = None
for i in range(10**6):
    n = N()
    n.next = head
    head = n
del n
del head
print("1,000,000-long chain of instances freed")

d = {}
for i in range(10**5):
    d = {"d": d}
del d
print("100,000-deep nested dict freed")

# a long chain that is also a cycle: freed by the collector's tp_clear
gc.disable()
first = N()
cur = first
for i in range(10**5):
    nxt = N()
    cur.next = nxt
    cur = nxt
cur.next = first
del first, cur, nxt
print("cycle of 100,001 instances collected:", gc.collect())
gc.enable()
