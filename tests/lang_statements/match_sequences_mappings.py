# match: sequence and mapping patterns
def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one: {x}"
        case [x, y]:
            return f"two: {x}, {y}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"
    return "not a sequence"

for v in [[], [1], (1, 2), [1, 2, 3, 4], "abc", b"ab", {1: 2}, range(3), 7]:
    print(repr(v), "->", seq(v))

def nested(cmd):
    match cmd:
        case ["go", ("north" | "south") as d]:
            return "go " + d
        case ["go", _]:
            return "go where?"
        case ["take", *items] if items:
            return "take " + ", ".join(items)
        case ["drop", [*_, "all"]]:
            return "drop everything"
        case [*_, "quit"]:
            return "quitting"
        case _:
            return "unknown"
for c in [["go", "north"], ["go", "up"], ["take", "key", "lamp"], ["take"],
          ["drop", ["x", "all"]], ["a", "b", "quit"], "quit"]:
    print(c, "->", nested(c))

def mapping(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", "r": r, **rest}:
            return f"circle r={r} extra={rest}"
        case {"type": t}:
            return f"unknown type {t}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"

for v in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "c": "red"},
          {"type": "tri"}, {"other": 1}, {}, [("type", "point")]]:
    print(v, "->", mapping(v))

# mapping pattern with non-str keys and value patterns
match {1: "one", None: "none"}:
    case {1: "one", None: n}:
        print("matched keys", n)

# mapping patterns use .get-like lookup, not __getitem__ with __missing__
class D(dict):
    def __missing__(self, k):
        return "default"
match D(a=1):
    case {"b": _}:
        print("wrongly matched")
    case {"a": a}:
        print("a =", a)

# star capture binds a list even for tuples
match (1, 2, 3):
    case (a, *rest):
        print(a, rest, type(rest).__name__)

# duplicate key / multiple stars are syntax errors
for src in ["match x:\n case {'a': 1, 'a': 2}: pass\n",
            "match x:\n case [*a, *b]: pass\n",
            "match x:\n case a | b: pass\n",
            "match x:\n case _:\n  pass\n case 1: pass\n"]:
    try:
        compile(src, "<m>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
