from .core import core_func
from . import PKG_CONST
def helper():
    return "helper uses " + core_func() + " and " + PKG_CONST
