# Classes are full of cycles (the MRO tuple, descriptors, __dict__), so
# only the collector frees them; classes with a metaclass too.
import gc
import sys
gc.disable()
gc.collect()

class A:
    pass
print("class referents:", [type(o).__name__ for o in gc.get_referents(A)])

class Meta(type):
    pass
class B(metaclass=Meta):
    pass
print("class with a metaclass:", [type(o).__name__ for o in gc.get_referents(B)])
print("refcount of Meta:", sys.getrefcount(Meta))
temp = Meta("temp", (), {})
print("with one more class:", sys.getrefcount(Meta))
del temp
print("freed by the collector:", gc.collect())
print("refcount of Meta:", sys.getrefcount(Meta))
del B
print("freed by the collector:", gc.collect())
print("refcount of Meta:", sys.getrefcount(Meta))

def make():
    class M(type):
        pass
    class K(metaclass=M):
        pass
    class L(K):
        pass
    return L
L = make()
print("subclass keeps everything:", gc.collect())
del L
print("metaclass, class and subclass:", gc.collect())

class Base:
    pass
def derived():
    class D(Base):
        pass
gc.collect()
before = sys.getrefcount(Base)
derived()
gc.collect()
print("a subclass leaves nothing behind:", sys.getrefcount(Base) - before)
gc.enable()
