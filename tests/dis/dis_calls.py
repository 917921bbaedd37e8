import dis

def dropped(x):
    len(x)

def stored(x):
    n = len(x)
    return n

def returned(x):
    return len(x)

def method_call(items):
    items.append(1)
    return items.pop()

def kwcall(x):
    return sorted(x, reverse=True)

for fn in (dropped, stored, returned, method_call, kwcall):
    dis.dis(fn)
