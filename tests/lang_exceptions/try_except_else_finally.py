# try/except/else/finally combinations and their order
def run(x):
    print("-- run", x)
    try:
        print("try")
        if x == 1:
            raise ValueError("v")
        if x == 2:
            raise KeyError("k")
        if x == 3:
            raise TypeError("t")
    except ValueError as e:
        print("except ValueError", e)
    except (KeyError, IndexError) as e:
        print("except tuple", type(e).__name__, e)
    else:
        print("else")
    finally:
        print("finally")
    print("after")

for x in range(3):
    run(x)
try:
    run(3)
except TypeError as e:
    print("outer caught", e)

# exception variable is deleted after the except block
try:
    1 / 0
except ZeroDivisionError as err:
    print("caught", err)
try:
    err
except NameError as e:
    print("NameError:", e)

# else not run when exception, finally runs for return
def f():
    try:
        return "from try"
    finally:
        print("finally before return")
print(f())

def g():
    try:
        raise ValueError
    except ValueError:
        return "from except"
    else:
        return "from else"
    finally:
        print("g finally")
print(g())

# nested try
def nested():
    try:
        try:
            raise IndexError("inner")
        except KeyError:
            print("wrong handler")
        finally:
            print("inner finally")
    except LookupError as e:
        print("outer got", type(e).__name__, e)
nested()

# exception in except handler
def in_handler():
    try:
        try:
            raise ValueError("first")
        except ValueError:
            raise RuntimeError("second")
    except RuntimeError as e:
        print("got", e, "context:", repr(e.__context__))
in_handler()

# exception in else is not caught by the same try's handlers
def in_else():
    try:
        try:
            pass
        except ValueError:
            print("not here")
        else:
            raise ValueError("from else")
    except ValueError as e:
        print("outer", e)
in_else()

# bare except catches everything, including BaseException subclasses
try:
    raise SystemExit(3)
except:
    print("bare except caught SystemExit")
# except clause matching by base class
try:
    raise FileNotFoundError("nf")
except OSError as e:
    print(type(e).__name__, "caught as OSError")
