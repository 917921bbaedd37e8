import dis

def ops(a, b, c):
    x = a * b - c / 2 ** a % 3
    y = -a, not b, ~c
    z = a < b <= c
    w = a if b else c
    v = a and b or c
    return [x, y], {a: b, 'k': c}, (1, 2, 3), a[b], a[1:2]

def stores(obj, key, val):
    obj[key] = val
    obj.attr = val
    del obj[key]
    obj[key] += 1
    a, b = val
    a = b = None
    return a, b

def consts():
    return (1, 'two', 3.0, None, True, (4, 5))

g = 0
def globals_use():
    global g
    g = g + 1
    return g

dis.dis(ops)
dis.dis(stores)
dis.dis(consts)
dis.dis(globals_use)
