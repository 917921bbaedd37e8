# print: sep, end, file, flush
import sys
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

print()
print("a", "b", "c")
print("a", "b", sep="")
print("a", "b", sep=" | ", end=" <end>\n")
print(1, 2.5, None, True, [1], {"k": 1}, (1,), "s", b"b", sep=";")
print("no newline", end="")
print(" -- continued")
print(*range(5))
print(*"abc", sep="-")
print("x", sep=None, end=None)
print("to stdout explicitly", file=sys.stdout)
print("to None file", file=None)
print("flushed", flush=True)
print("", end="")
print("multi\nline", "arg")
print("tab\tseparated", sep="\t")
print(sep="ignored")
print(end="only end\n")

class Writer:
    def __init__(self):
        self.chunks = []
    def write(self, s):
        self.chunks.append(s)
        return len(s)
w = Writer()
print("captured", 42, file=w, sep="+", end="!")
print(w.chunks)

class Str:
    def __str__(self): return "custom-str"
    def __repr__(self): return "custom-repr"
print(Str(), [Str()])

check(lambda: print("x", sep=5))
check(lambda: print("x", end=5))
check(lambda: print("x", file=5))
check(lambda: print("x", bogus=1))
class NoWrite:
    pass
check(lambda: print("x", file=NoWrite()))
class BadStr:
    def __str__(self): raise ValueError("cannot str")
check(lambda: print(BadStr()))
print("stderr line", file=sys.stderr)
sys.stdout.write("raw write\n")
print(sys.stdout.write("abc\n"))
