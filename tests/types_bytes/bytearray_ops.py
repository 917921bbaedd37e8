# bytearray: mutable bytes
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

ba = bytearray(b"hello")
print(ba, repr(ba), len(ba), ba[0], ba[1:3], type(ba[1:3]).__name__)
ba[0] = 72
ba[1:3] = b"EY"
print(ba)
ba.append(33)
ba.extend(b"??")
ba.extend([65, 66])
ba.insert(0, 62)
print(ba)
print(ba.pop(), ba.pop(0), ba)
ba.remove(63)
print(ba)
del ba[0]
del ba[-2:]
print(ba)
ba.reverse()
print(ba)
ba[::2] = b"xxx"
print(ba)
ba[1:4] = b""
print(ba)
ba += b"++"
ba *= 2
print(ba, ba.count(b"+"), ba.find(b"x"), ba.upper(), type(ba.upper()).__name__)
c = ba.copy()
c.clear()
print(c, ba == bytearray(ba), ba == bytes(ba), bytearray(b"a") + b"b", b"a" + bytearray(b"b"))
print(bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray(), bytearray(b"ab") * 2)
print(bytearray(b"abc").decode(), bytearray.fromhex("41 42"), bytearray(b"AB").hex())
check(lambda: hash(bytearray(b"a")))
check(lambda: bytearray(b"a").__setitem__(0, 256))
check(lambda: bytearray(b"a").__setitem__(0, b"x"))
check(lambda: bytearray(b"").pop())
check(lambda: bytearray(b"a").remove(98))
check(lambda: bytearray(b"a").append(300))
check(lambda: bytearray(b"a").append("a"))
check(lambda: bytearray(b"a").extend([1, "x"]))
check(lambda: bytearray(b"abc").__setitem__(slice(None, None, 2), b"xyz"))
check(lambda: bytearray(b"a")[5])
check(lambda: bytearray("abc"))
check(lambda: bytearray(-1))
ba2 = bytearray(b"abc")
ba2[1:2] = [120, 121, 122]
print(ba2, ba2.index(b"z"), ba2.rfind(b"q"), ba2.startswith(b"ax"))
ba2[0:0] = bytearray(b">>")
print(ba2, ba2.strip(b">"), ba2.split(b"y"))
