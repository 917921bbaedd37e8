# LEGB name resolution
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

x = "global"
def enclosing():
    x = "enclosing"
    def local():
        x = "local"
        return x
    def sees_enclosing():
        return x
    return local(), sees_enclosing()
print(enclosing(), x)

# builtins can be shadowed and un-shadowed
def use_len():
    return len("abc")
len = lambda s: "shadowed"
print(use_len())
del len
print(use_len())

# a name is local if assigned anywhere in the function
def assigned_later():
    r = x
    x = 1
    return r
check(assigned_later)

# comprehension scope can read enclosing function locals
def comp():
    base = 10
    return [base + i for i in range(3)]
print(comp())

# class scope is skipped by nested functions
class C:
    y = "class-y"
    def method(self):
        try:
            return y
        except NameError as e:
            return "NameError: " + str(e)
print(C().method())

# locals() snapshot in function
def show_locals(a, b=2):
    c = a + b
    return sorted(locals().items())
print(show_locals(1))

# del of a local then read
def del_local():
    v = 1
    del v
    try:
        return v
    except UnboundLocalError as e:
        return str(e)
print(del_local())

# nonlocal errors are syntax errors; test via compile
for src in ["def f():\n    nonlocal q\n",
            "nonlocal z\n",
            "def f():\n    x = 1\n    global x\n",
            "def f(a):\n    global a\n"]:
    try:
        compile(src, "<src>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)

# exec with explicit namespaces
ns = {}
exec("w = 5\ndef g():\n    return w\nr = g()", ns)
print(ns["w"], ns["r"])
