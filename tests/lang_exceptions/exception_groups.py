# ExceptionGroup and except*
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2")])
print(eg, repr(eg.message), len(eg.exceptions), type(eg).__name__)
print(repr(eg))

match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))

try:
    raise eg
except* ValueError as g:
    print("ValueErrors:", [str(x) for x in g.exceptions], type(g).__name__)
except* TypeError as g:
    print("TypeErrors:", [str(x) for x in g.exceptions])

# unhandled part re-raised
try:
    try:
        raise ExceptionGroup("mix", [KeyError("k"), OSError("o")])
    except* KeyError:
        print("handled KeyError part")
except ExceptionGroup as rest:
    print("left over:", repr(rest))

# naked exception is wrapped
try:
    raise ValueError("naked")
except* ValueError as g:
    print("wrapped:", repr(g))

# BaseExceptionGroup vs ExceptionGroup
beg = BaseExceptionGroup("b", [KeyboardInterrupt()])
print(type(beg).__name__)
print(type(BaseExceptionGroup("b", [ValueError()])).__name__)

check(lambda: ExceptionGroup("e", []))
check(lambda: ExceptionGroup("e", [1]))
check(lambda: ExceptionGroup(1, [ValueError()]))
check(lambda: ExceptionGroup("e", [KeyboardInterrupt()]))
check(lambda: ExceptionGroup("e"))

# nested groups
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
m, r = nested.split(ValueError)
print(repr(m))
print(repr(r))

# uncaught group traceback
def f():
    raise ExceptionGroup("final", [ValueError("a"), KeyError("b")])
f()
