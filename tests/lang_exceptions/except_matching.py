# how except clauses match
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

def catch_with(handler_types, exc):
    try:
        raise exc
    except handler_types as e:
        return "caught " + type(e).__name__

check(lambda: catch_with(ValueError, ValueError()))
check(lambda: catch_with(Exception, KeyError()))
check(lambda: catch_with((TypeError, LookupError), IndexError()))
check(lambda: catch_with((), ValueError("not caught by empty tuple")))
check(lambda: catch_with(int, ValueError()))
check(lambda: catch_with((ValueError, 5), ValueError()))
check(lambda: catch_with((5, ValueError), ValueError()))
check(lambda: catch_with("ValueError", ValueError()))

# first matching clause wins, order matters
def order(exc):
    try:
        raise exc
    except LookupError:
        return "LookupError clause"
    except KeyError:
        return "KeyError clause (unreachable)"
print(order(KeyError()), order(IndexError()))

# handler types evaluated lazily only when needed
def lazy():
    def types():
        print("evaluating handler types")
        return ValueError
    try:
        pass
    except types():
        pass
    try:
        raise ValueError
    except types():
        return "matched"
print(lazy())

# exception variable unbound after handler even if it existed before
e = "outer value"
try:
    raise ValueError
except ValueError as e:
    pass
print("e" in globals())

def local_unbound():
    x = 1
    try:
        raise KeyError
    except KeyError as x:
        pass
    return x
check(local_unbound)

# UnboundLocalError
def ub():
    print(y)
    y = 1
check(ub)
def ub2():
    if False:
        z = 1
    return z
check(ub2)
def ub_del():
    w = 1
    del w
    return w
check(ub_del)
