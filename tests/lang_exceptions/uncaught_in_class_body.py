# an exception while executing a class body
class Config:
    defaults = {"a": 1}
    print("building Config")
    value = defaults["b"]
