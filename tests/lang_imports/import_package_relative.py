# packages, __init__.py, relative imports
import pkg_demo
print(pkg_demo.PKG_CONST, pkg_demo.core_func())
print(pkg_demo.__name__, pkg_demo.__package__, hasattr(pkg_demo, "__path__"))
import pkg_demo.core
print(pkg_demo.core.__name__, pkg_demo.core.__package__)
from pkg_demo.util import helper
print(helper())
from pkg_demo.sub.deep import deep
print(deep())
import pkg_demo.sub.deep as dp
print(dp.deep is deep)
import sys
print(sorted(k for k in sys.modules if k.startswith("pkg_demo")))
from pkg_demo import sub
print(sub.SUB_NAME)
try:
    import pkg_demo.nonexistent
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from pkg_demo import nonexistent2
except ImportError as e:
    print("ImportError:", type(e).__name__, str(e).split(" (/")[0])
try:
    exec("from . import anything")
except ImportError as e:
    print("ImportError:", e)
