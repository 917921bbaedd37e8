# raise forms: class, instance, bare re-raise, raise from, errors
def check(f):
    try:
        r = f()
    except BaseException as e:
        print(type(e).__name__ + ":", e, "| cause:", repr(e.__cause__),
              "| suppress:", e.__suppress_context__)
    else:
        print("ok", repr(r))

def r_class(): raise ValueError
def r_inst(): raise ValueError("msg", 2)
def r_from():
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
def r_from_none():
    try:
        {}["k"]
    except KeyError:
        raise RuntimeError("clean") from None
def r_from_class():
    raise RuntimeError("x") from ValueError
def r_non_exc():
    raise 5
def r_non_exc_class():
    raise int
def r_bad_cause():
    raise ValueError from 5
def bare_outside():
    raise
def reraise():
    try:
        raise IndexError("orig")
    except IndexError:
        print("handling, re-raising")
        raise

for f in [r_class, r_inst, r_from, r_from_none, r_from_class, r_non_exc,
          r_non_exc_class, r_bad_cause, bare_outside, reraise]:
    check(f)

# re-raise keeps the same object
def same_obj():
    try:
        try:
            raise ValueError("v")
        except ValueError as e:
            first = e
            raise
    except ValueError as e2:
        return e2 is first
print(same_obj())

# raise e from e.__cause__ chains
e = ValueError("v")
print(e.__cause__, e.__context__, e.__suppress_context__, e.__traceback__)
e.__cause__ = KeyError("k")
print(repr(e.__cause__))
try:
    e.__cause__ = 5
except TypeError as err:
    print("TypeError:", err)
try:
    e.__context__ = "x"
except TypeError as err:
    print("TypeError:", err)

# exception instance args
print(ValueError().args, ValueError(1).args, ValueError(1, 2).args)
print(str(ValueError()), str(ValueError(1)), str(ValueError(1, 2)))
print(repr(ValueError()), repr(ValueError("a")), repr(ValueError("a", 1)))

# raise inside a function called from except: traceback object exists
try:
    raise ValueError("tb")
except ValueError as exc:
    tb = exc.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next)
