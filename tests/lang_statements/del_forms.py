# del statement in all its forms
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

a = 1
del a
check(lambda: a)

x, y, z = 1, 2, 3
del x, y
print("x" in globals(), "y" in globals(), z)

lst = list(range(10))
del lst[0]
print(lst)
del lst[-1]
print(lst)
del lst[1:3]
print(lst)
del lst[::2]
print(lst)
del lst[:]
print(lst)

d = {"a": 1, "b": 2, "c": 3}
del d["a"]
print(d)
def delmissing():
    del d["zz"]
check(delmissing)

class O:
    pass
o = O()
o.attr = 1
o.other = 2
del o.attr
print(vars(o))
def delattr_missing():
    del o.attr
check(delattr_missing)

# del of tuple/list targets
p, q = 1, 2
del (p, q)
print("p" in globals())
r, s = 3, 4
del [r, s]
print("r" in globals())

# del nested subscripts
m = {"k": [1, 2, 3]}
del m["k"][1]
print(m)

# del of unbound name
def del_unbound():
    del never
check(del_unbound)
def del_local_unbound():
    if False:
        loc = 1
    del loc
check(del_local_unbound)

# del in loop
items = [1, 2, 3]
for i in items[:]:
    if i == 2:
        del items[items.index(i)]
print(items)

# del errors
check(lambda: exec("del (1)"))
t = (1, 2)
def del_tuple_item():
    del t[0]
check(del_tuple_item)
st = "abc"
def del_str_item():
    del st[0]
check(del_str_item)
lst2 = [1]
def del_out_of_range():
    del lst2[5]
check(del_out_of_range)
def del_bad_index():
    del lst2["a"]
check(del_bad_index)
