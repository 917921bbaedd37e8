# uncaught KeyError shows the key's repr; error in a method called via dict
table = {"a": 1}

def get(k):
    return table[k]

print(get("a"))
get("b c")
