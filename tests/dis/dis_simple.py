import dis

def add(a, b):
    return a + b

def f(a, b):
    c = a + b
    print(c)
    return c * 2

dis.dis(add)
dis.dis(f)
