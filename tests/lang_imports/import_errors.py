# ImportError / ModuleNotFoundError messages, failing modules
import sys
try:
    import no_such_module_abc
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, e.path)
try:
    from no_such_module_abc import thing
except ImportError as e:
    print(type(e).__name__, e)
try:
    import mod_helper_a.not_a_package
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    from mod_helper_a import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (/")[0], e.name)

# module raising during import is not left in sys.modules
try:
    import mod_raises
except ValueError as e:
    print("ValueError:", e)
print("mod_raises" in sys.modules)
try:
    import mod_raises
except ValueError as e:
    print("ValueError again:", e)

# syntax error in imported module
try:
    import mod_syntax_error
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno, e.filename.rsplit("/", 1)[-1])

try:
    __import__("")
except ValueError as e:
    print("ValueError:", e)
try:
    __import__(5)
except TypeError as e:
    print("TypeError:", e)
try:
    __import__("x", level=-1)
except ValueError as e:
    print("ValueError:", e)

import no_such_module_at_end
