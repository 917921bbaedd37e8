# bool type
def check(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

print(True, False, repr(True), str(False), type(True).__name__, bool.__mro__[1].__name__)
print(True + True, True * 3, False - True, True / 2, True // 1, -True, abs(False), True ** 10)
print(True == 1, False == 0, hash(True), hash(False), True & False, True | False, True ^ False)
print(type(True & False).__name__, type(True + False).__name__, type(True and 5).__name__, type(not 5).__name__)
for v in [0, 1, -1, 0.0, 0.1, -0.0, "", "0", " ", [], [0], (), ((),), {}, {0: 0}, set(), None, 0j, 1j, range(0), b"", float("nan")]:
    print(repr(v), bool(v))
print(bool(), bool(x for x in []), int(True), float(False), str(True), complex(True))
print(f"{True}", f"{True:d}", f"{True:>6}", format(False, "5"), "%s %d %r" % (True, True, False))
print(True.real, True.imag, True.numerator, True.bit_length(), True.as_integer_ratio(), True.conjugate())
print(isinstance(True, int), issubclass(bool, int), [True, False].count(1), {True: "a", 1: "b"}, sum([True, True, False]))
print(sorted([True, False, True]), max(False, True), min([True, 0, 2]), [10, 20][True])
check(lambda: bool(1, 2))
check(lambda: bool(x=1))
def subclass():
    class B(bool):
        pass
check(subclass)
print(bool("False"), bool(" "), not "", not None, not not [])
print(True.__and__(1), True.__or__(0), True.__xor__(True))
print(1 < 2 == True, (1 < 2) == True, 0 == False == 0.0, True in [1], 1 in [True])
