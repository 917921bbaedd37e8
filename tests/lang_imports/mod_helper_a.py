# helper module for import tests (not a test itself: it has no .exp)
print("mod_helper_a: executing body")
VALUE = 42
_private = "hidden"

def greet(name):
    return "hello " + name

class Thing:
    def __repr__(self):
        return "Thing()"
