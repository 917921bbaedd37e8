# single inheritance, overriding, super()
class Animal:
    kind = "animal"
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} makes a sound"
    def describe(self):
        return f"{self.kind}: {self.speak()}"

class Dog(Animal):
    kind = "dog"
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def speak(self):
        return f"{self.name} barks"

class Puppy(Dog):
    def speak(self):
        return super().speak() + " softly"

d = Dog("Rex", "lab")
p = Puppy("Bit", "pug")
print(d.describe())
print(p.describe())
print(p.breed, p.kind)
print(Puppy.__bases__[0].__name__, Dog.__base__.__name__)
print(issubclass(Puppy, Animal), isinstance(p, Dog), isinstance(d, Puppy))
print([c.__name__ for c in Puppy.__mro__])

# explicit two-arg super
class Base:
    def hello(self):
        return "Base.hello"
class Mid(Base):
    def hello(self):
        return "Mid+" + super(Mid, self).hello()
class Leaf(Mid):
    def hello(self):
        return "Leaf+" + super(Mid, self).hello()
print(Leaf().hello())

# super in classmethod
class CBase:
    @classmethod
    def make(cls):
        return "made " + cls.__name__
class CSub(CBase):
    @classmethod
    def make(cls):
        return "sub " + super().make()
print(CSub.make())

# super object attributes
s = super(Mid, Leaf())
print(s.hello())

def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

check(lambda: super(Mid, Base()).hello())
check(lambda: super(Base, Base()).hello())
check(lambda: super(Leaf, Leaf()).nothing)
check(lambda: super(1, 2))

class NoInit(Animal):
    pass
check(lambda: NoInit())
print(NoInit("x").speak())

# super() with no args outside a method
def outside():
    return super()
check(outside)

# attribute lookup falls back to base class attribute
class P:
    x = 1
class Q(P):
    pass
Q.x = 2
print(P.x, Q.x)
del Q.x
print(Q.x)
check(lambda: delattr(Q, "x"))
