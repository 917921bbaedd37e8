# deterministic destruction: __del__ runs when the last reference goes
class Res:
    def __init__(self, name):
        self.name = name
        print("open", name)
    def __del__(self):
        print("close", self.name)

print("-- del statement")
a = Res("a")
b = a
del a
print("after del a (b still alive)")
del b
print("after del b")

print("-- rebinding")
x = Res("x1")
x = Res("x2")
print("rebound")
x = None
print("set to None")

print("-- function locals")
def work():
    r = Res("local")
    print("in function")
work()
print("after call")

def returns():
    r = Res("returned")
    return r
kept = returns()
print("kept", kept.name)
del kept

print("-- containers")
lst = [Res("l1"), Res("l2"), Res("l3")]
lst.pop(1)
print("popped")
lst.clear()
print("cleared")
d = {"k": Res("dv")}
d["k"] = 0
print("dict value replaced")
t = (Res("t1"), Res("t2"))
del t
print("tuple gone")

print("-- temporaries")
Res("temp").name
print("after expression statement")
print(len([Res("in-list")]))

print("-- nested ownership")
class Holder:
    def __init__(self, child):
        self.child = child
    def __del__(self):
        print("holder del; child still", self.child.name)
h = Holder(Res("child"))
del h
print("-- attribute replacement")
h2 = Holder(Res("c1"))
h2.child = Res("c2")
print("replaced")
del h2

print("-- loop variable")
for i in range(2):
    item = Res(f"loop{i}")
print("loop done")
del item
print("-- end of module")
last = Res("module-global")
