# assignment expressions
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print(f"list is long ({n} elements)")

# in while loop
stack = [1, 2, 3]
while (top := stack.pop() if stack else None) is not None:
    print("popped", top)

# in comprehension filter reusing computation
def expensive(v):
    return v * 10
print([y for v in data if (y := expensive(v)) > 40])

# value of walrus expression
print((z := 5) + z)
print(z)

# nested and chained
if (a := 1) and (b := a + 1):
    print(a, b)

# in function arguments
def show(*args):
    return args
print(show(w := 3, w * 2))

# scoping in functions
def func():
    if (local := 42):
        pass
    return local
print(func(), "local" in globals())

# walrus in lambda
f = lambda: (q := 7) + 1
print(f())

# walrus in match guards
def classify(v):
    match v:
        case [*items] if (total := sum(items)) > 10:
            return f"big sum {total}"
        case [*items]:
            return f"small sum {sum(items)}"
print(classify([5, 6]), classify([1]))

# invalid forms
for src in ["x := 5", "(a.b := 1)", "(l[0] := 1)", "def f(x=y:=1): pass", "((a, b) := (1, 2))"]:
    try:
        compile(src, "<w>", "exec")
        print("compiled", src)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)

# allowed unparenthesized in some places
print([x := 1, x + 1])
print({"k": (v := 2)}, v)
