items = {"a": 1}
for key in ["a", "b"]:
    print(key, items[key])
