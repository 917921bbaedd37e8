# sys.unraisablehook receives exceptions from __del__
import sys

def hook(u):
    print("hook:", u.exc_type.__name__, u.exc_value, u.err_msg,
          type(u.object).__name__, u.object.__qualname__,
          u.exc_traceback.tb_frame.f_code.co_name)

sys.unraisablehook = hook

class Bad:
    def __init__(self, tag):
        self.tag = tag
    def __del__(self):
        print("Bad.__del__", self.tag)
        raise KeyError(self.tag)

b = Bad("one")
del b
print("continues")
lst = [Bad("a"), Bad("b")]
lst.clear()
print("cleared")

def scope():
    Bad("local")
    return "returned"
print(scope())

class Nested:
    def __del__(self):
        try:
            raise ValueError("inner")
        except ValueError as e:
            print("handled inside __del__:", e)
n = Nested()
del n

sys.unraisablehook = sys.__unraisablehook__
print(sys.unraisablehook is sys.__unraisablehook__)
