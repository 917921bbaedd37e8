# an exception raised while importing a module propagates with its traceback
print("importing")
import mod_raises
