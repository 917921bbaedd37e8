# warnings: filters, actions, catch_warnings.
import warnings
import sys

def show(title):
    print(title, [(a, m if m is None else m.pattern, c.__name__, mo if mo is None or isinstance(mo, str) else mo.pattern, l)
                  for a, m, c, mo, l in warnings.filters])

warnings.filterwarnings("error", message="boom")
show("error:")
try:
    warnings.warn("Boom here")
except UserWarning as e:
    print("caught", repr(e))
warnings.warn("no boom here")

warnings.filterwarnings("ignore", module="__ma")
warnings.warn("ignored: module regex matches at the start")
warnings.resetwarnings()
show("reset:")
warnings.warn("after reset")
warnings.warn("after reset")

warnings.simplefilter("once")
for i in range(2):
    warnings.warn("once only")
warnings.warn("once only")
warnings.simplefilter("module")
warnings.warn("per module")
warnings.warn("per module")
warnings.simplefilter("always")
for i in range(2):
    warnings.warn("always")
warnings.simplefilter("error", RuntimeWarning)
try:
    warnings.warn("as error", RuntimeWarning)
except RuntimeWarning as e:
    print("RuntimeWarning raised:", e)
warnings.simplefilter("error", RuntimeWarning)     # moves to the front, no duplicate
warnings.simplefilter("ignore", append=True)
show("filters:")
warnings.resetwarnings()

with warnings.catch_warnings(record=True) as log:
    warnings.simplefilter("always")
    warnings.warn("rec1")
    warnings.warn("rec2", RuntimeWarning)
    warnings.warn_explicit("rec3", SyntaxWarning, "x.py", 7)
print(len(log), [str(w.message) for w in log], [w.category.__name__ for w in log],
      [w.lineno for w in log], log[2].filename, type(log[0]).__name__)
print(str(log[1]).replace(__file__, "FILE"))
show("restored:")
with warnings.catch_warnings(action="ignore"):
    warnings.warn("hidden")
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("error inside")
    except UserWarning as e:
        print("inside:", e)
warnings.warn("outside again")

cw = warnings.catch_warnings()
print(repr(cw), repr(warnings.catch_warnings(record=True)))
for f in (cw.__exit__, lambda: (cw.__enter__(), cw.__enter__())):
    try:
        f()
    except RuntimeError as e:
        print("RuntimeError:", e)
cw.__exit__(None, None, None)

for bad in (lambda: warnings.simplefilter("bogus"),
            lambda: warnings.filterwarnings("ignore", category=3),
            lambda: warnings.filterwarnings("ignore", category=int),
            lambda: warnings.filterwarnings("ignore", lineno=-1),
            lambda: warnings.filterwarnings("ignore", message=3),
            lambda: warnings.filterwarnings("ignore", module=3)):
    try:
        bad()
    except AssertionError as e:
        print("AssertionError:", e)

# regular expressions in filters match at the start, case-insensitively for messages
warnings.filterwarnings("ignore", r"^ab[c-e]+\d*$")
warnings.filterwarnings("ignore", "(foo|bar)baz")
warnings.filterwarnings("ignore", "x.z")
for text in ("abcdd12", "abcdd12x", "BARBAZ!", "bazbar", "xyz", "XYZzy", "x\nz"):
    with warnings.catch_warnings(record=True) as log:
        warnings.warn(text)
    print(repr(text), "shown" if log else "filtered")
warnings.resetwarnings()

# a replaced showwarning sees every shown warning
def custom(message, category, filename, lineno, file=None, line=None):
    print("custom:", message, category.__name__, lineno)
warnings.showwarning = custom
warnings.warn("via custom")
warnings.showwarning = 42
try:
    warnings.warn("bad hook")
except TypeError as e:
    print("TypeError:", e)
warnings.showwarning = warnings._showwarning_orig
def fmt(message, category, filename, lineno, line=None):
    return "FORMATTED %s %s\n" % (category.__name__, message)
warnings.formatwarning = fmt
sys.stdout.flush()
warnings.warn("through formatwarning")
