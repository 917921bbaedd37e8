# assert statement
def check(f):
    try:
        r = f()
    except AssertionError as e:
        print("AssertionError:", repr(e), e.args)
    else:
        print("ok", repr(r))

def a1():
    assert 1 == 1
    return "passed"
def a2():
    assert 1 == 2
def a3():
    assert [], "empty list is falsy"
def a4():
    x = 5
    assert x < 0, f"x={x} not negative"
def a5():
    assert False, ("tuple", 1)
def a6():
    assert 0, None
def a7():
    msg_calls = []
    def msg():
        msg_calls.append(1)
        return "msg"
    assert True, msg()
    return msg_calls
def a8():
    assert None, ValueError("an exception as message")

for f in [a1, a2, a3, a4, a5, a6, a7, a8]:
    check(f)

class Falsy:
    def __bool__(self):
        return False
def a9():
    assert Falsy(), "custom falsy"
check(a9)

print(__debug__)

def positive(n):
    assert n > 0, "n must be positive"
    return n

print(positive(3))
positive(-1)
