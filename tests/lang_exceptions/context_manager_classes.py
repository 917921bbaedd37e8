# practical context managers written by hand (no contextlib)
import sys

class Suppress:
    def __init__(self, *excs):
        self.excs = excs
    def __enter__(self):
        return self
    def __exit__(self, et, ev, tb):
        self.caught = ev
        return et is not None and issubclass(et, self.excs)

with Suppress(KeyError, IndexError) as s:
    [][1]
print("suppressed:", repr(s.caught))
try:
    with Suppress(KeyError):
        int("x")
except ValueError as e:
    print("not suppressed:", e)

class Redirect:
    """Temporarily capture print output by swapping sys.stdout."""
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass
    def __enter__(self):
        self.old = sys.stdout
        sys.stdout = self
        return self
    def __exit__(self, *a):
        sys.stdout = self.old
        return False

with Redirect() as r:
    print("captured", 1, 2)
    print("line two")
print("captured parts:", r.parts)

class Timer:
    depth = 0
    def __init__(self, label):
        self.label = label
    def __enter__(self):
        print("  " * Timer.depth + "begin " + self.label)
        Timer.depth += 1
    def __exit__(self, et, ev, tb):
        Timer.depth -= 1
        print("  " * Timer.depth + "end " + self.label + (" (error)" if et else ""))

with Timer("outer"):
    with Timer("middle"):
        with Timer("inner"):
            pass
    try:
        with Timer("failing"):
            raise ValueError
    except ValueError:
        pass

class Transaction:
    def __init__(self, store):
        self.store = store
    def __enter__(self):
        self.snapshot = dict(self.store)
        return self.store
    def __exit__(self, et, ev, tb):
        if et is not None:
            self.store.clear()
            self.store.update(self.snapshot)
            print("rolled back because", et.__name__)
            return True
        print("committed")

data = {"x": 1}
with Transaction(data) as t:
    t["y"] = 2
print(data)
with Transaction(data) as t:
    t["z"] = 3
    raise RuntimeError
print(data)

# reusing the same manager object
cm = Suppress(ZeroDivisionError)
for i in range(2):
    with cm:
        1 / 0
    print("round", i, type(cm.caught).__name__)
