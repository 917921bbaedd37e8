# add_note / __notes__
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

e = ValueError("base")
print(hasattr(e, "__notes__"))
e.add_note("first note")
e.add_note("second note")
print(e.__notes__, str(e), e.args)
check(lambda: e.add_note(5))
check(lambda: e.add_note())
e.__notes__.append("appended directly")
print(len(e.__notes__))

def process(item):
    try:
        return 10 / item
    except ZeroDivisionError as err:
        err.add_note(f"while processing item {item!r}")
        raise
try:
    process(0)
except ZeroDivisionError as err:
    print(err, err.__notes__)

e2 = KeyError("k")
e2.__notes__ = "not a list"
check(lambda: e2.add_note("x"))

bad = RuntimeError("shown with notes")
bad.add_note("note line 1")
bad.add_note("multi\nline note")
raise bad
