# eval and exec
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

print(eval("1 + 2"), eval("[x * 2 for x in range(3)]"), eval(" 5 "), eval("'s' * 2"), eval("\n7\n"))
x = 10
print(eval("x + 1"), eval("x + y", {"x": 1, "y": 2}), eval("x * 2", {}, {"x": 7}), eval("len('ab')", {}))
g = {}
eval("1", g)
print("__builtins__" in g)
print(eval("abs(-1)", {"__builtins__": {"abs": abs}}))
check(lambda: eval("len('x')", {"__builtins__": {}}))
check(lambda: eval("x = 1"))
check(lambda: eval("1 +"))
check(lambda: eval(""))
check(lambda: eval(5))
check(lambda: eval("1", []))
check(lambda: eval("1", {}, 5))
check(lambda: eval("undefined"))
check(lambda: eval("1/0"))
print(eval(compile("3 * 3", "<c>", "eval")), eval(b"2 + 2"))

ns = {}
r = exec("a = 1\nb = a + 1\ndef f():\n    return a + b", ns)
print(r, ns["a"], ns["b"], ns["f"](), sorted(k for k in ns if k != "__builtins__"))
loc = {}
exec("z = 5", {}, loc)
print(loc)
exec("print('exec prints', x)")
exec("import math\nprint(math.floor(2.5))", {})
code = compile("for i in range(3): total = total + i", "<loop>", "exec")
env = {"total": 0}
exec(code, env)
print(env["total"])
check(lambda: exec("1 +"))
check(lambda: exec("return 5"))
check(lambda: exec("raise ValueError('from exec')"))
check(lambda: exec(5))
check(lambda: exec("x", None, 5))
check(lambda: exec("def f(:\n  pass"))
check(lambda: exec("if True:\nprint(1)"))
check(lambda: exec("x = 1\n  y = 2"))
check(lambda: compile("1", "<s>", "bogus"))
check(lambda: compile("a b", "<s>", "eval"))
def local_exec():
    exec("newvar = 42")
    return "newvar" in locals(), locals().get("newvar")
print(local_exec())
try:
    exec("1/0", {})
except ZeroDivisionError as e:
    print("traceback depth", e.__traceback__.tb_next.tb_frame.f_code.co_filename)
