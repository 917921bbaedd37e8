from ..core import core_func
from .. import util
from . import SUB_NAME
def deep():
    return (__name__, __package__, core_func(), util.helper(), SUB_NAME)
