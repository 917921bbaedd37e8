# raise ... from None hides the context
def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        raise AttributeError(k) from None

print(lookup({"a": 1}, "a"))
lookup({}, "b")
