# a caught exception's traceback keeps frames (and their locals) alive
import sys
class Res:
    def __init__(self, n): self.n = n
    def __del__(self): print("freed", self.n)

def fails():
    r = Res("in-failing-frame")
    raise ValueError("boom")

try:
    fails()
except ValueError as e:
    print("in handler: frame locals still alive")
print("after handler: 'e' was deleted, traceback released")

saved = None
try:
    fails()
except ValueError as e:
    saved = e
print("saved exception keeps the frame alive")
saved.__traceback__ = None
print("traceback cleared")
saved = None
print("exception dropped")

def swallow():
    try:
        fails()
    except ValueError:
        print("swallowed inside function")
    print("function continues")
swallow()

# sys.exc_info references during handling
try:
    fails()
except ValueError:
    info = sys.exc_info()
print("exc_info tuple saved")
del info
print("exc_info dropped")
