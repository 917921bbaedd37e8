# return/break/continue interacting with finally
def ret_override():
    try:
        return 1
    finally:
        return 2
print(ret_override())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())

def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 2:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_break())

def loop_continue():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_continue())

def break_in_finally():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return i
print(break_in_finally())

def continue_in_finally():
    seen = []
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            seen.append(i)
            continue
    return seen
print(continue_in_finally())

def return_value_evaluated_first():
    x = [1]
    try:
        return x
    finally:
        x.append(2)
print(return_value_evaluated_first())

def rebind_in_finally():
    x = 1
    try:
        return x
    finally:
        x = 2
print(rebind_in_finally())

def nested_finally():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested_finally())

def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                return n
        finally:
            print("iteration", n)
print(while_finally())

def exc_in_finally():
    try:
        raise KeyError("original")
    finally:
        raise ValueError("replacement")
try:
    exc_in_finally()
except Exception as e:
    print(type(e).__name__, e, "context:", repr(e.__context__))

def generator_finally():
    try:
        yield 1
        yield 2
    finally:
        print("gen finally")
for v in generator_finally():
    print("got", v)
    break
print("after loop")
