# argument passing semantics: object references, mutation vs rebinding
def mutate(lst):
    lst.append("mutated")
def rebind(lst):
    lst = ["rebound"]
    return lst
data = [1]
mutate(data)
r = rebind(data)
print(data, r)

def modify_int(n):
    n += 1
    return n
x = 5
print(modify_int(x), x)

def modify_tuple(t):
    t += (3,)
    return t
tup = (1, 2)
print(modify_tuple(tup), tup)

def modify_list_aug(l):
    l += [3]
    return l
li = [1, 2]
print(modify_list_aug(li) is li, li)

def kw_dict(**kw):
    kw["added"] = True
    return kw
source = {"a": 1}
print(kw_dict(**source), source)

def args_tuple(*args):
    return type(args).__name__, args
print(args_tuple(*[1, 2]), args_tuple())

# identity preserved through calls
sentinel = object()
def ident(o):
    return o
print(ident(sentinel) is sentinel)

# default evaluated once and shared
def shared(cache={}):
    cache[len(cache)] = True
    return len(cache)
print(shared(), shared(), shared({}), shared())

# keyword argument order preserved
def order(**kw):
    return list(kw)
print(order(b=1, a=2, c=3), order(**{"z": 1, "y": 2}, x=3))

# passing functions and methods
def apply(fn, *a, **k):
    return fn(*a, **k)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True), apply("-".join, "abc"), apply(dict, a=1))

# recursion with accumulators passed by reference
def collect(n, acc=None):
    if acc is None:
        acc = []
    if n:
        acc.append(n)
        collect(n - 1, acc)
    return acc
print(collect(4), collect(2))
