# gc.set_debug(): the lines the collector writes to sys.stderr.  Object
# counts, addresses and times vary between runs and implementations, so
# digits are normalised; everything else must match.
import gc
import sys
gc.disable()
gc.collect()

class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass

def normalise(text):
    out = []
    prev_digit = False
    i = 0
    while i < len(text):
        ch = text[i]
        if text.startswith("0x", i):
            j = i + 2
            while j < len(text) and text[j] in "0123456789abcdef":
                j += 1
            out.append("ADDR")
            i = j
            prev_digit = False
            continue
        if ch.isdigit():
            if not prev_digit:
                out.append("N")
            prev_digit = True
        else:
            out.append(ch)
            prev_digit = False
        i += 1
    return "".join(out)

def run(flags, make, generation=2):
    cap = Capture()
    old = sys.stderr
    sys.stderr = cap
    gc.set_debug(flags)
    try:
        make()
        n = gc.collect(generation)
    finally:
        gc.set_debug(0)
        sys.stderr = old
    return n, "".join(cap.parts)

class Node:
    pass

def two_nodes():
    a, b = Node(), Node()
    a.b, b.a = b, a

def self_list():
    l = []
    l.append(l)

print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print("get_debug:", gc.get_debug())
gc.set_debug(gc.DEBUG_LEAK)
print("get_debug after set_debug(DEBUG_LEAK):", gc.get_debug())
gc.set_debug(0)

print("-- DEBUG_STATS")
n, text = run(gc.DEBUG_STATS, two_nodes)
print(n)
print(normalise(text), end="")
n, text = run(gc.DEBUG_STATS, two_nodes, 0)
print(normalise(text), end="")
lines = text.splitlines()
print("unreachable count on the last line:", lines[-1].split(",")[1].split()[0])

print("-- DEBUG_COLLECTABLE")
n, text = run(gc.DEBUG_COLLECTABLE, two_nodes)
print(n)
print(normalise(text), end="")
n, text = run(gc.DEBUG_COLLECTABLE, self_list)
print(normalise(text), end="")

print("-- DEBUG_UNCOLLECTABLE (nothing is uncollectable in pure Python)")
n, text = run(gc.DEBUG_UNCOLLECTABLE, two_nodes)
print(n, repr(text))

print("-- DEBUG_SAVEALL")
n, text = run(gc.DEBUG_SAVEALL, two_nodes)
print(n, repr(text))
print(sorted(type(o).__name__ for o in gc.garbage))
print("saved objects are intact:", sorted(sorted(vars(o)) for o in gc.garbage))
n, text = run(gc.DEBUG_SAVEALL, self_list)
print(n, sorted(type(o).__name__ for o in gc.garbage))
for o in gc.garbage:
    if isinstance(o, Node):
        o.__dict__.clear()
    else:
        o.clear()
gc.garbage.clear()
print("after clearing the saved objects:", gc.collect())

print("-- DEBUG_LEAK")
n, text = run(gc.DEBUG_LEAK, self_list)
print(n, normalise(text), end="")
print(len(gc.garbage), type(gc.garbage[0]).__name__)
gc.garbage[0].clear()
gc.garbage.clear()
gc.enable()
