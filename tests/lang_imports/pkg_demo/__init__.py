print("pkg_demo/__init__ running, __name__ =", __name__)
PKG_CONST = "package constant"
from .core import core_func
from . import util as _util_mod
