print("pkg_demo.core running, __package__ =", __package__)
def core_func():
    return "core_func result"
