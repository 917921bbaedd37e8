# memoryview.cast: element formats, shapes, multi-dimensional access.
import sys

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

little = sys.byteorder == 'little'
data = bytearray(range(8))
c = memoryview(data).cast('H')
print(c.format, c.itemsize, len(c), c.nbytes, c.shape, c.strides)
print(c.tolist() == ([256, 770, 1284, 1798] if little else [1, 515, 1029, 1543]))
c[0] = 0xFFFF
print(data[:2], c[0])
d = memoryview(bytearray(range(8))).cast('B', shape=[2, 4])
print(d.tolist(), d.shape, d.strides, d.ndim, d.nbytes, d.c_contiguous, d.f_contiguous)
print(d[1, 2], d[-1, -1], d.tobytes(), d.hex(), d.tobytes('F'), d.tobytes('A'))
d[1, 2] = 99
print(d.tolist(), d.cast('B', shape=[8]).tolist(), d.cast('c').tolist()[:3])
for f in (lambda: d[1], lambda: d[1, 2, 3], lambda: d[5, 0], lambda: d[0:1, 0],
          lambda: d.__setitem__((0, 0), 300), lambda: d.__setitem__(0, 1),
          lambda: d.__setitem__(slice(0, 1), b'ab'), lambda: list(d), lambda: len(d),
          lambda: d.cast('B', shape=[1, 8]), lambda: hash(d)):
    attempt(f)

z = memoryview(b'a').cast('B', shape=[])
print(z.ndim, z.shape, z.strides, z.tolist(), z[()], z[...] is z, z.tobytes(), z.c_contiguous)
for f in (lambda: len(z), lambda: z[0], lambda: list(z), lambda: z[1:], lambda: z.hex()):
    attempt(f)

print(memoryview(b'abc').cast('c').tolist(), memoryview(b'\xff').cast('b')[0],
      memoryview(bytes(8)).cast('d').tolist(), memoryview(bytes(4)).cast('?').tolist(),
      memoryview(bytes(2)).cast('e').tolist(), memoryview(bytes(8)).cast('@q').format,
      memoryview(bytes(8)).cast('q').tolist(), memoryview(bytes(8)).cast('Q').tolist(),
      memoryview(bytes(8)).cast('f').tolist(), memoryview(bytes(16)).cast('n').itemsize)
for f in (lambda: memoryview(b'abc').cast('H'), lambda: memoryview(b'abcd').cast('H').cast('I'),
          lambda: memoryview(b'abcd').cast('x'), lambda: memoryview(b'abcd').cast('HH'),
          lambda: memoryview(b'abcd').cast('<H'), lambda: memoryview(b'abcd')[::2].cast('B'),
          lambda: memoryview(b'ab').cast('B', shape=[3]), lambda: memoryview(b'abc').cast(1),
          lambda: memoryview(b'ab').cast('B', shape=(1, 2, 'x')),
          lambda: memoryview(b'ab').cast('B', shape=5),
          lambda: memoryview(b'ab').cast('B', shape=(0, 2)),
          lambda: memoryview(b'ab').cast(), lambda: memoryview(b'').cast('B', shape=[1])):
    attempt(f)
print(memoryview(bytearray(b'x')).cast('B', [1]).shape)

h = memoryview(bytearray(4)).cast('h')
h[0] = -5
h[1] = 32767
print(h.tolist())
for v in (32768, -32769, 1.0, None, '1'):
    attempt(lambda: h.__setitem__(0, v))
f = memoryview(bytearray(8)).cast('f')
f[0] = 1.5
f[1] = 2
print(f.tolist())
attempt(lambda: f.__setitem__(0, 'x'))
ch = memoryview(bytearray(2)).cast('c')
ch[0] = b'z'
print(ch.tolist())
for v in (b'ab', 'a', 1):
    attempt(lambda: ch.__setitem__(0, v))
q = memoryview(bytearray(2)).cast('?')
q[0] = 5
q[1] = []
print(q.tolist(), bytes(q))
L = memoryview(bytearray(8)).cast('L')
L[0] = 2 ** 32 + 5
print(L[0])
attempt(lambda: L.__setitem__(0, -1))

# equality compares element values, whatever the formats
print(memoryview(bytes(6)).cast('H') == memoryview(bytes(6)).cast('h'),
      memoryview(b'\x01\x00').cast('H') == memoryview(b'\x01'),
      memoryview(b'ab') == memoryview(b'ab').cast('c'),
      memoryview(bytes(8)).cast('d') == memoryview(bytes(8)).cast('q'),
      memoryview(b'\xff\xff').cast('b') == memoryview(b'\xff\xff'))
nan = memoryview(bytearray(8)).cast('d')
nan[0] = float('nan')
print(nan == nan, nan.tolist())
print(hash(memoryview(b'ab').cast('c')) == hash(b'ab'))
attempt(lambda: hash(memoryview(bytes(2)).cast('h')))
