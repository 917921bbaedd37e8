# builtin exception hierarchy
def mro(c):
    return " > ".join(k.__name__ for k in c.__mro__)

for cls in [BaseException, Exception, ArithmeticError, ZeroDivisionError,
            OverflowError, FloatingPointError, LookupError, IndexError, KeyError,
            AssertionError, AttributeError, EOFError, ImportError,
            ModuleNotFoundError, NameError, UnboundLocalError, RuntimeError,
            NotImplementedError, RecursionError, StopIteration,
            StopAsyncIteration, SyntaxError, IndentationError, TabError,
            SystemError, TypeError, ValueError, UnicodeError,
            UnicodeDecodeError, UnicodeEncodeError, UnicodeTranslateError,
            BufferError, MemoryError, ReferenceError, OSError,
            FileNotFoundError, FileExistsError, PermissionError,
            IsADirectoryError, NotADirectoryError, TimeoutError,
            InterruptedError, ChildProcessError, ProcessLookupError,
            BlockingIOError, ConnectionError, BrokenPipeError,
            ConnectionAbortedError, ConnectionRefusedError, ConnectionResetError,
            SystemExit, KeyboardInterrupt, GeneratorExit, Warning,
            UserWarning, DeprecationWarning, PendingDeprecationWarning,
            SyntaxWarning, RuntimeWarning, FutureWarning, ImportWarning,
            UnicodeWarning, BytesWarning, ResourceWarning, EncodingWarning,
            BaseExceptionGroup, ExceptionGroup]:
    print(mro(cls))

print(issubclass(KeyError, LookupError), issubclass(KeyError, IndexError))
print(issubclass(SystemExit, Exception), issubclass(GeneratorExit, Exception))
print(issubclass(ModuleNotFoundError, ImportError), issubclass(RecursionError, RuntimeError))
print(issubclass(bool, BaseException), issubclass(StopIteration, Exception))
