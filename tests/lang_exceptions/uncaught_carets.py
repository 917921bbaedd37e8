# 3.12 traceback carets for different expression kinds in nested frames
data = {"users": [{"name": "ann"}]}

def attribute(obj):
    return obj.missing_attribute

def subscript(d):
    return d["users"][0]["email"]

def binop(a, b):
    return a + b * 2

def call_chain(x):
    return binop(x, "s")

for f, arg in [(attribute, 1), (subscript, data)]:
    try:
        f(arg)
    except Exception as e:
        print(type(e).__name__, e)

result = call_chain(
    5,
)
