# exceptions raised in __del__ are reported as "Exception ignored in" on
# stderr. The default message shows repr(the __del__ function), which contains
# an address, so __del__ here is a callable object with a fixed repr.
class Raiser:
    def __init__(self, msg):
        self.msg = msg
    def __repr__(self):
        return "<Raiser " + self.msg + ">"
    def __call__(self):
        print("Raiser called")
        raise ValueError(self.msg)

class Bad:
    __del__ = Raiser("from __del__")

b = Bad()
del b
print("execution continues")

def f():
    x = Bad()
f()
print("after f")

try:
    Bad()
    print("no exception seen by caller")
except ValueError:
    print("never")

class Once:
    def __del__(self):
        print("Once.__del__")
o = Once()
o = None
print("done")
