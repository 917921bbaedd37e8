# memoryview over bytes and bytearray: indexing, slicing, conversion,
# comparison, hashing, release.
m = memoryview(b'abcdef')
print(len(m), m[0], m[-1], m[True], bytes(m[1:3]), m[::2].tobytes(), m[::-1].tobytes())
print(m.tolist(), list(m), list(m[::-2]), m.hex(), m.hex(':'), m.hex(':', 2), m.hex('-', -2))
print(m.readonly, m.format, m.itemsize, m.nbytes, m.ndim, m.shape, m.strides,
      m.suboffsets, m.c_contiguous, m.f_contiguous, m.contiguous, m.obj)
s = m[1::2]
print(s.tolist(), s.shape, s.strides, s.nbytes, s.contiguous, s.obj, s.hex(), m[2:2].tolist())
print(m == b'abcdef', m == bytearray(b'abcdef'), m == m, m != b'x', m == 'abcdef',
      m[::2] == b'ace', m == memoryview(b'abcdef'))
print(hash(m) == hash(b'abcdef'), hash(m[::2]) == hash(b'ace'))
print(repr(m).startswith('<memory at 0x'), str(m) == repr(m))

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

for f in (lambda: m[10], lambda: m[-7], lambda: m['x'], lambda: m[1.5],
          lambda: m.__setitem__(0, 1), lambda: m.__delitem__(0),
          lambda: memoryview(1), lambda: memoryview('abc'), lambda: m[1, 2],
          lambda: m[0:2, 1], lambda: m[0:1, 0:1], lambda: m[()], lambda: m[...],
          lambda: memoryview(), lambda: memoryview(b'', b''),
          lambda: m < m, lambda: m.tobytes('X')):
    attempt(f)
print(memoryview(object=b'kw').tobytes(), m.tobytes('A'), m.tobytes(order=None), m.tobytes('F'))

b = bytearray(b'xyz')
mb = memoryview(b)
mb[0] = 65
mb[1:3] = b'BC'
print(b, mb.readonly, mb.obj is b)
for f in (lambda: mb.__setitem__(0, 256), lambda: mb.__setitem__(0, -1),
          lambda: mb.__setitem__(0, 'a'), lambda: mb.__setitem__(0, 2.0),
          lambda: mb.__setitem__(slice(0, 2), b'abc'), lambda: mb.__delitem__(0),
          lambda: b.append(1), lambda: hash(mb), lambda: hash(mb.toreadonly())):
    attempt(f)
mb.release()
print(repr(mb).startswith('<released memory at 0x'))
for f in (lambda: mb[0], lambda: len(mb), lambda: mb.tobytes(), lambda: mb.format,
          lambda: mb.obj, lambda: mb == mb, lambda: mb == b'', lambda: mb.readonly,
          lambda: list(mb), lambda: mb.release(), lambda: mb.__enter__()):
    attempt(f)
b.append(33)
print(b)

with memoryview(bytearray(b'ab')) as q:
    q[1] = 0x7a
    print(q.tobytes(), type(q))
print(repr(q)[:17])

# slices share the buffer; an exported memoryview cannot be released
ba = bytearray(b'0123456789')
v = memoryview(ba)
w = v[2:8:2]
w[0] = ord('X')
w[1:] = b'YZ'
print(ba, w.tolist(), w.obj is ba)
v.release()
print(w.tobytes())
try:
    ba.extend(b'!')
except BufferError as e:
    print("BufferError:", e)
w.release()
ba.extend(b'!')
print(ba)

mm = memoryview(bytearray(b'abcdef'))
mm[::2] = b'XYZ'
print(mm.tobytes())
mm[1:4] = mm[0:3]
print(mm.tobytes())
attempt(lambda: mm.__setitem__(slice(None, None, 2), b'XY'))
print(memoryview(b'').tolist(), memoryview(b'').hex(), memoryview(b'').tobytes(), len(memoryview(b'')))
print(memoryview(memoryview(b'zz')).obj, memoryview(b'ab').toreadonly().readonly,
      memoryview(bytearray(b'ab')).toreadonly().readonly)
print(bytes(memoryview(b'hello')[1:4]), bytearray(memoryview(b'hi')), b'x'.join([memoryview(b'a'), b'b']))
