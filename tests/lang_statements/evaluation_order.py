# evaluation order of expressions, calls, assignments and augmented assignments
log = []
def v(tag, val=None):
    log.append(tag)
    return tag if val is None else val
def show(label):
    print(label, log)
    log.clear()

v("a") + v("b") * v("c", 1)
show("binary ops left to right:")
v("f", lambda *a, **k: None)(v("arg1"), v("arg2"), k=v("kw"))
show("call: callee, args, kwargs:")
d = {}
d[v("key")] = v("value")
show("assignment: value first, then target:")
x = [0, 0]
x[v("idx", 0)] += v("inc", 5)
show("augmented subscript:")
class O:
    def __getattr__(self, n):
        log.append("getattr " + n)
        return 0
    def __setattr__(self, n, val):
        log.append("setattr " + n)
o = O()
o.attr += v("rhs", 1)
show("augmented attribute:")
v("t1") if v("cond", True) else v("t2")
show("conditional expression:")
v("x1", 0) or v("x2", 0) or v("x3", 3)
show("or short-circuit:")
v("y1", 1) and v("y2", 0) and v("y3")
show("and short-circuit:")
v("c1", 1) < v("c2", 2) < v("c3", 0) < v("c4", 9)
show("chained comparison:")
{v("k1"): v("v1"), v("k2"): v("v2")}
show("dict display key then value:")
[v("e1"), *[v("e2")], v("e3")]
show("list display:")
a, b = v("r1"), v("r2")
show("tuple assignment:")
def dflt(p=v("default-evaluated-at-def")):
    pass
show("defaults:")
@v("decorator", lambda fn: fn)
def decorated(q=v("default2")):
    pass
show("decorator expression then defaults:")
lst = [1, 2, 3]
lst[v("s1", 0):v("s2", 2)] = v("rv", [9])
show("slice assignment:")
print(lst)
i = 0
arr = [10, 20, 30]
i, arr[i] = 1, 99
print("i, arr[i] = 1, 99 ->", i, arr)
