# list slicing, slice assignment, extended slices, deletion
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

L = list(range(10))
print(L[2:5], L[:3], L[7:], L[-3:], L[:-7], L[::3], L[::-1], L[8:2:-2], L[-1:-4:-1], L[100:], L[5:2])
print(L[slice(1, 4)], L[slice(None)], L[1:100:4], L[-100:2], L[::-4])

a = list(range(6))
a[1:3] = ["x", "y", "z"]; print(a)
a[1:4] = []; print(a)
a[:0] = [-2, -1]; print(a)
a[len(a):] = [99]; print(a)
a[2:2] = "ab"; print(a)
a[:] = range(5); print(a)
a[::2] = ["e0", "e2", "e4"]; print(a)
a[::-2] = [40, 20, 0]; print(a)
a[10:20] = [7]; print(a)
a[-1:] = (8, 9); print(a)
b = list(range(8))
del b[::3]; print(b)
del b[1:3]; print(b)
del b[::-1]; print(b)

# self-assignment of slices
s = [1, 2, 3]
s[1:] = s; print(s)
s = [1, 2, 3]
s[:] = s[::-1]; print(s)

check(lambda: L[::0])
def ext_wrong_size():
    x = list(range(6))
    x[::2] = [1, 2]
check(ext_wrong_size)
def assign_non_iter():
    x = [1, 2]
    x[0:1] = 5
check(assign_non_iter)
def assign_index_out():
    x = [1]
    x[5] = 0
check(assign_index_out)
def assign_str_index():
    x = [1]
    x["a"] = 0
check(assign_str_index)
def slice_float():
    return L[1.0:2]
check(slice_float)
def del_zero_step():
    x = [1]
    del x[::0]
check(del_zero_step)

# slicing returns copies
orig = [[1], [2]]
cp = orig[:]
cp.append([3])
cp[0].append("shared")
print(orig, cp, cp is orig, cp[0] is orig[0])

# slices with None and negative steps bounds
print(L[None:None:-1] == L[::-1], L[-1:None:-3], L[None:-11:-1])
class I:
    def __index__(self): return 3
print(L[I()], L[I():5], L[:I():-1])
