# truth testing via __bool__ and __len__
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

class B:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print("bool called")
        return self.v
class L:
    def __init__(self, n): self.n = n
    def __len__(self):
        print("len called")
        return self.n
class Both:
    def __bool__(self): return True
    def __len__(self): return 0
class Neither:
    pass

print(bool(B(True)), bool(B(False)))
print(bool(L(0)), bool(L(3)), len(L(5)))
print(bool(Both()), len(Both()))
print(bool(Neither()))
if L(0):
    print("no")
else:
    print("empty is falsy")
print(not B(False), B(True) and "x", L(0) or "fallback")
print([x for x in [L(0), L(1)] if x].__len__())
while B(False):
    pass

check(lambda: bool(B(1)))
check(lambda: bool(B(None)))
check(lambda: bool(L(-1)))
check(lambda: len(L(-1)))
check(lambda: bool(L(2 ** 100)))
check(lambda: len(L(2 ** 100)))
check(lambda: len(L("3")))
check(lambda: len(L(3.0)))
check(lambda: len(Neither()))
check(lambda: len(5))

class IntLike:
    def __index__(self): return 4
class LIdx:
    def __len__(self): return IntLike()
check(lambda: len(LIdx()))

class BoolSub(int):
    pass
class LBool:
    def __len__(self): return True
print(len(LBool()))

class BRaises:
    def __bool__(self):
        raise ValueError("no truth")
check(lambda: bool(BRaises()))
check(lambda: not BRaises())
check(lambda: [1][0] if BRaises() else 0)
