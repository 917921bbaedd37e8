# match: literal, capture, wildcard, OR, guard, as-patterns, value patterns
class Color:
    RED = "red"
    GREEN = "green"

def describe(v):
    match v:
        case 0:
            return "zero"
        case 1 | 2 | 3:
            return "small"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case "hello" | "hi":
            return "greeting"
        case True:
            return "True literal"
        case None:
            return "None literal"
        case b"bytes":
            return "bytes literal"
        case Color.RED:
            return "dotted value red"
        case 2j:
            return "complex"
        case int(n) if n > 100:
            return f"big int {n}"
        case str() as s if len(s) > 5:
            return f"long string {s!r}"
        case [1, 2] | (3, 4) as seq:
            return f"seq alt {seq!r}"
        case x if isinstance(x, float):
            return f"float {x}"
        case _:
            return "something else"

for v in [0, 2, -1, 1.5, "hi", True, 1.0, None, b"bytes", "red", 2j, 500,
          "lengthy", "short", [1, 2], (3, 4), 2.5, object, False]:
    print(repr(v) if v is not object else "object", "->", describe(v))

# capture binds even on later failure? Names bound in successful pattern
match 42:
    case n:
        print("captured", n)

# guard evaluated after binding
def guard(p):
    match p:
        case (x, y) if x == y:
            return "diagonal"
        case (x, y) if x > y:
            return "below"
        case (x, y):
            return "above"
print(guard((1, 1)), guard((3, 1)), guard((1, 3)))

# OR pattern with captures must bind same names
def orcap(v):
    match v:
        case (x, 0) | (0, x):
            return f"on axis at {x}"
        case _:
            return "off axis"
print(orcap((5, 0)), orcap((0, 7)), orcap((1, 1)))

# match with no case matching does nothing
match "zzz":
    case "a":
        print("no")
print("fell through")

# subject is evaluated once
def subj():
    print("subject evaluated")
    return 3
match subj():
    case 1: pass
    case 2: pass
    case 3: print("three")

# True/1 equivalence: literals True, False, None compared by identity
match 1:
    case True:
        print("1 matched True?")
    case 1:
        print("1 matched 1")
match 0.0:
    case 0:
        print("0.0 matches 0 by equality")
