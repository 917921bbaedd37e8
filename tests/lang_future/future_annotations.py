from __future__ import annotations
import __future__

def f(x: Foo, y: list[Bar] = None) -> Baz | None:
    pass

print(f.__annotations__)
print(__future__.annotations, __future__.annotations.compiler_flag)
print(__future__.all_feature_names[-1], __future__.division.getMandatoryRelease())
# exec() and compile() inherit the future import unless dont_inherit is set
exec("def g(y: Quux): pass\nprint(g.__annotations__)")
co = compile("def h(z: Q): pass", "<s>", "exec", dont_inherit=True)
ns = {}
try:
    exec(co, ns)
except NameError as e:
    print("NameError:", e)
co2 = compile("def h(z: Q): pass", "<s>", "exec")
exec(co2, ns)
print(ns["h"].__annotations__)
