# from-import * with and without __all__
from mod_helper_all import *
print(exported, also)
try:
    not_exported
except NameError as e:
    print("NameError:", e)
import mod_helper_all
print(mod_helper_all.not_exported, mod_helper_all.__all__)

from mod_helper_noall import *
print(public1, public2)
for name in ["_private", "_sys_alias"]:
    print(name, name in globals())

def in_function():
    exec("from mod_helper_all import *")
print(in_function())
try:
    compile("def f():\n    from x import *\n", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
