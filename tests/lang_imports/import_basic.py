# import, import as, from-import, module attributes
import mod_helper_a
print(mod_helper_a.VALUE, mod_helper_a.greet("x"), mod_helper_a.Thing())
print(type(mod_helper_a).__name__, mod_helper_a.__name__)
import mod_helper_a as alias
print(alias is mod_helper_a)
from mod_helper_a import VALUE, greet as g
print(VALUE, g("y"))
from mod_helper_a import _private
print(_private)
import sys
print("mod_helper_a" in sys.modules, sys.modules["mod_helper_a"] is alias)
print(sorted(k for k in vars(mod_helper_a) if not k.startswith("__")))
print(mod_helper_a.__dict__ is vars(mod_helper_a))
print(mod_helper_a.__file__.endswith("mod_helper_a.py"), mod_helper_a.__package__ == "")
# module attributes are writable
mod_helper_a.VALUE = 100
import mod_helper_a as again
print(again.VALUE, VALUE)
mod_helper_a.new_attr = "added"
from mod_helper_a import new_attr
print(new_attr)
del mod_helper_a.new_attr
try:
    mod_helper_a.new_attr
except AttributeError as e:
    print("AttributeError:", e)
try:
    from mod_helper_a import missing_name
except ImportError as e:
    print("ImportError:", str(e).split(" (/")[0], e.path.rsplit("/", 1)[-1])
# builtins module
import builtins
print(builtins.len is len, type(builtins).__name__, builtins.__name__)
print(repr(sys).startswith("<module 'sys'"))
