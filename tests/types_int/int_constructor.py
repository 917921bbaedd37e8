# int() parsing and conversion
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

for args in [(), ("42",), ("  -17  ",), ("+5",), ("1_000_000",), ("0",), ("-0",),
             ("ff", 16), ("FF", 16), ("0xff", 16), ("0xff", 0), ("0o17", 0), ("0b101", 0),
             ("z", 36), ("Z", 36), ("10", 2), ("777", 8), ("0", 0), ("00", 0), ("1_0", 0),
             ("12", 3), ("٣", ), (" \t\n12\n",), (3.99,), (-3.99,), (True,), (10 ** 20,),
             ("0b_1", 0), (b"12",), (bytearray(b"34"),), ("1e3".replace("e3", ""),)]:
    check(lambda: int(*args))

for args in [("",), ("abc",), ("1.5",), ("1e5",), ("12", 2), ("0x", 16), ("08", 0),
             ("1__0",), ("_1",), ("1_",), ("ff", 37), ("1", 1), ("1", -1), (None,),
             ([],), (1.5, 10), ("1", 2.0), (float("inf"),), (float("nan"),), ("- 1",),
             ("0b2", 0), ("++1",), ("1 2",), ("\x00",), (b"1.5",), ("9" * 5000,)]:
    check(lambda: int(*args))

check(lambda: int(x="5"))
check(lambda: int("5", base=10))
check(lambda: int("z", base=36))

class WithInt:
    def __int__(self): return 7
class WithIndex:
    def __index__(self): return 8
class BadInt:
    def __int__(self): return "no"
check(lambda: int(WithInt()))
check(lambda: int(WithIndex()))
check(lambda: int(BadInt()))
check(lambda: int(object()))

class MyInt(int):
    pass
m = MyInt(5)
print(type(int(m)).__name__, int(m))
print(int("١٢٣"), int("１２"))
