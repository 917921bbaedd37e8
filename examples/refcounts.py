# refcounts.py -- watch reference counts rise and fall.
import sys

data = "payload " * 4          # a fresh, mortal string
print("a fresh object:         ", sys.getrefcount(data), "(its name + the call's argument)")

alias = data
print("after `alias = data`:   ", sys.getrefcount(data))

box = [data, data]
print("stored twice in a list: ", sys.getrefcount(data))

del box
print("after `del box`:        ", sys.getrefcount(data))

def inspect(arg):
    # name + caller's argument slot + our parameter + the getrefcount argument
    return sys.getrefcount(arg)

print("inside a function:      ", inspect(data))
del alias
print("after `del alias`:      ", sys.getrefcount(data))
