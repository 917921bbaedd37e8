# __name__ == "__main__" and module identity
print("test __name__:", __name__)
import mod_main_check
if __name__ == "__main__":
    print("running as script")
import sys
main = sys.modules["__main__"]
SOMETHING = 5
print(main.SOMETHING, hasattr(main, "mod_main_check"))
print(type(__builtins__).__name__ in ("module", "dict"))
print(__doc__ is None, __spec__ is None, __package__)
