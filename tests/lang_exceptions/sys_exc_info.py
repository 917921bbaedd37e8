# sys.exc_info / sys.exception during handling
import sys

print(sys.exc_info(), sys.exception())
try:
    raise ValueError("active")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v, type(tb).__name__, sys.exception() is v)
    try:
        raise KeyError("nested")
    except KeyError:
        print("inner:", repr(sys.exc_info()[1]))
    print("restored:", repr(sys.exc_info()[1]))
print("after:", sys.exc_info(), sys.exception())

def in_finally():
    try:
        raise TypeError("tf")
    finally:
        print("in finally:", repr(sys.exc_info()[1]))
try:
    in_finally()
except TypeError:
    pass

def called_from_handler():
    return repr(sys.exception())
try:
    raise IndexError("x")
except IndexError:
    print("callee sees:", called_from_handler())

def gen():
    try:
        yield 1
    except ValueError:
        print("gen sees:", repr(sys.exception()))
        yield 2
g = gen()
next(g)
print(g.throw(ValueError("thrown")))
print(repr(sys.exception()))
