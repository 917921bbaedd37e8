import contextlib
import sys
from contextlib import (contextmanager, suppress, closing, nullcontext, redirect_stdout,
                        redirect_stderr, ExitStack, AbstractContextManager, ContextDecorator)

def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ':', e)

log = []
@contextmanager
def tag(name):
    """tag doc"""
    log.append('<' + name)
    try:
        yield name.upper()
    finally:
        log.append(name + '>')
with tag('a') as t:
    log.append(t)
print(log, tag.__name__, tag.__doc__, tag('x').__doc__)

@contextmanager
def catcher():
    try:
        yield
    except ValueError as e:
        print('caught', e)
with catcher():
    raise ValueError('boom')
print('after suppressed')
def propagate():
    with catcher():
        raise KeyError('k')
show(propagate)

@contextmanager
def no_yield():
    if False:
        yield
show(lambda: no_yield().__enter__())
@contextmanager
def two_yields():
    yield 1
    yield 2
def run_two():
    with two_yields():
        pass
show(run_two)
@contextmanager
def keeps_going():
    try:
        yield
    except Exception:
        yield
def run_keep():
    with keeps_going():
        raise ValueError
show(run_keep)
@contextmanager
def plain():
    yield 'p'
def stop_it():
    with plain():
        raise StopIteration('s')
try:
    stop_it()
except StopIteration as e:
    print('StopIteration propagated', e)
@contextmanager
def converts():
    try:
        yield
    except ValueError:
        raise TypeError('converted')
def run_conv():
    with converts():
        raise ValueError('orig')
try:
    run_conv()
except TypeError as e:
    print(type(e).__name__, e, type(e.__context__).__name__)

@tag('deco')
def decorated(x):
    log.append('body%d' % x)
    return x * 2
log.clear()
print(decorated(1), decorated(2), log)

class Ctx(ContextDecorator):
    def __enter__(self):
        print('enter')
        return self
    def __exit__(self, *exc):
        print('exit', exc[0])
        return False
@Ctx()
def fn():
    print('in fn')
fn()

# suppress
with suppress(KeyError, IndexError):
    {}['x']
print('suppressed ok')
show(lambda: suppress(KeyError).__exit__(ValueError, ValueError(), None))
def sup_fail():
    with suppress(KeyError):
        raise ValueError('not suppressed')
show(sup_fail)
with suppress():
    pass
try:
    with suppress(ValueError):
        raise ExceptionGroup('eg', [ValueError(1), TypeError(2)])
except ExceptionGroup as eg:
    print('rest:', repr(eg.exceptions))
with suppress(ValueError):
    raise ExceptionGroup('eg', [ValueError(1), ValueError(2)])
print('group suppressed')

# closing, nullcontext
class Res:
    def close(self):
        print('closed')
with closing(Res()) as r:
    print(type(r).__name__)
with nullcontext(5) as v:
    print(v)
with nullcontext() as v:
    print(v)

# redirect
class Buf:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
    def flush(self):
        pass
buf = Buf()
with redirect_stdout(buf) as target:
    print('hidden', 1)
print(target is buf, ''.join(buf.parts).strip())
ebuf = Buf()
with redirect_stderr(ebuf):
    sys.stderr.write('err text')
print(ebuf.parts)
rd = redirect_stdout(buf)
with rd:
    with rd:
        print('nested')
print(sys.stdout is sys.__stdout__, buf.parts[-2:])

# ExitStack
with ExitStack() as stack:
    for i in range(3):
        stack.callback(print, 'callback', i)
    stack.enter_context(tag('s'))
    print('in stack')
print(log[-1])
def cb_order():
    with ExitStack() as st:
        st.push(lambda *e: print('push exit', e[0]))
        @st.callback
        def done():
            print('done')
        raise KeyError('x')
show(cb_order)
with ExitStack() as st:
    st.push(lambda *e: True)
    raise RuntimeError('swallowed')
print('after swallow')
st = ExitStack()
st.callback(print, 'from popped')
new = st.pop_all()
st.close()
print('closing new')
new.close()
show(lambda: ExitStack().enter_context(5))
def chained():
    def raise_a(*e):
        raise ValueError('A')
    def raise_b(*e):
        raise TypeError('B')
    with ExitStack() as s:
        s.push(raise_a)
        s.push(raise_b)
        raise KeyError('orig')
try:
    chained()
except ValueError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))
class CM:
    def __enter__(self):
        return 'entered'
    def __exit__(self, *a):
        print('CM exit', a[0])
with ExitStack() as s:
    print(s.enter_context(CM()))
    s.push(CM())

# ABC
print(isinstance(nullcontext(), AbstractContextManager), issubclass(CM, AbstractContextManager), issubclass(int, AbstractContextManager))
class MyCM(AbstractContextManager):
    def __exit__(self, *a):
        return None
with MyCM() as m:
    print(type(m).__name__)
print(sorted(contextlib.__all__))
