# sys.modules caching: a module body runs only once
import sys
print("before first import")
import mod_helper_a
print("after first import")
import mod_helper_a
import mod_helper_a as again
from mod_helper_a import VALUE
print("body ran once; same object:", again is mod_helper_a)
m = __import__("mod_helper_a")
print(m is mod_helper_a)

# removing from sys.modules forces re-execution
del sys.modules["mod_helper_a"]
import mod_helper_a as fresh
print(fresh is again, fresh.VALUE)

# putting an arbitrary object in sys.modules
class Fake:
    answer = "from fake module"
sys.modules["totally_fake"] = Fake()
import totally_fake
print(totally_fake.answer)
from totally_fake import answer
print(answer)

# None in sys.modules blocks the import
sys.modules["blocked_mod"] = None
try:
    import blocked_mod
except ImportError as e:
    print(type(e).__name__, e)

# __main__ module
print(__name__, sys.modules["__main__"].__name__)
print(sys.modules[__name__] is sys.modules["__main__"])
