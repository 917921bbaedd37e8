# generator send / throw / close
def check(f):
    try:
        r = f()
    except BaseException as e:
        print(type(e).__name__ + ":", e)
    else:
        print("ok", repr(r))

def averager():
    total = 0
    count = 0
    avg = None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count

a = averager()
print(next(a))
print(a.send(10), a.send(20), a.send(60))

g = averager()
check(lambda: g.send(5))      # can't send non-None to just-started generator
print(g.send(None))

# throw into generator
def guarded():
    while True:
        try:
            yield "ready"
        except KeyError as e:
            print("handled", repr(e))
gd = guarded()
next(gd)
print(gd.throw(KeyError("k")))
check(lambda: gd.throw(ValueError("unhandled")))
check(lambda: next(gd))

# throw with type only
def simple():
    yield 1
s = simple()
check(lambda: s.throw(IndexError))
s2 = simple()
check(lambda: s2.throw(1))

# close
def with_cleanup():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
c = with_cleanup()
next(c)
print(c.close())
print(c.close())
check(lambda: next(c))

# close on unstarted generator: no cleanup runs
c2 = with_cleanup()
c2.close()
print("closed unstarted")

# generator ignoring GeneratorExit
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
st = stubborn()
next(st)
check(st.close)

# generator catching GeneratorExit and returning normally is fine
def polite():
    try:
        yield 1
    except GeneratorExit:
        print("saw GeneratorExit")
        return
p = polite()
next(p)
p.close()

# throw into unstarted generator
def unstarted():
    try:
        yield 1
    except ValueError:
        print("never printed")
u = unstarted()
check(lambda: u.throw(ValueError("early")))

# send after exhaustion
def short():
    yield 1
sh = short()
next(sh)
check(lambda: sh.send(2))
check(lambda: sh.send(3))

# generator already executing
def selfref():
    yield next(me)
me = selfref()
check(lambda: next(me))

# gi_frame is None after close and del finalization runs finally
def fin():
    try:
        yield 1
    finally:
        print("finalized on del")
f = fin()
next(f)
del f
print("end")
