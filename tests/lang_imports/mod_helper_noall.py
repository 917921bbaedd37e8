# helper module without __all__
public1 = 1
public2 = 2
_private = 3
import sys as _sys_alias
