import dis

def loop_if(items):
    total = 0
    for x in items:
        if x > 0:
            total += x
    return total

def while_loop(n):
    i = 0
    while i < n:
        i += 1
    return i

def nested(n):
    out = []
    for i in range(n):
        for j in range(i):
            if j % 2 == 0:
                continue
            out.append(j)
        else:
            out.append(-1)
    return out

dis.dis(loop_if)
dis.dis(while_loop)
dis.dis(nested)
