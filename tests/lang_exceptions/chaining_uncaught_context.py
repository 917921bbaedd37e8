# uncaught exception raised while handling another: implicit chaining
def parse(s):
    return int(s)

def load(s):
    try:
        return parse(s)
    except ValueError:
        return {}["missing"]

print("start")
load("abc")
