# user-defined exception classes
class AppError(Exception):
    """Base for app errors."""

class NotFound(AppError):
    def __init__(self, what):
        super().__init__(f"{what} not found")
        self.what = what

class Invalid(AppError):
    def __init__(self, field, value):
        self.field = field
        self.value = value
    def __str__(self):
        return f"invalid {self.field}={self.value!r}"

class Coded(AppError):
    def __init__(self, *args, code=0):
        super().__init__(*args)
        self.code = code
    def __repr__(self):
        return f"Coded(code={self.code})"

for exc in [NotFound("user"), Invalid("age", -1), Coded("x", "y", code=7), AppError()]:
    try:
        raise exc
    except AppError as e:
        print(type(e).__name__, "|", e, "|", repr(e), "|", e.args)

try:
    raise NotFound("page")
except Invalid:
    print("wrong")
except NotFound as e:
    print("found handler for", e.what)

print(AppError.__doc__, issubclass(NotFound, Exception))

# exceptions carrying data through layers
class ValidationError(Exception):
    def __init__(self, errors):
        super().__init__(len(errors))
        self.errors = errors

def validate(d):
    errs = [k for k, v in d.items() if v is None]
    if errs:
        raise ValidationError(errs)
    return "valid"

for d in [{"a": 1}, {"a": None, "b": None}]:
    try:
        print(validate(d))
    except ValidationError as e:
        print("errors:", e.errors, "args:", e.args)

# BaseException subclass not caught by except Exception
class Fatal(BaseException):
    pass
try:
    try:
        raise Fatal("stop")
    except Exception:
        print("not reached")
except BaseException as e:
    print("caught BaseException subclass", repr(e))

# exception class with class attribute default message
class WithDefault(Exception):
    default = "something failed"
    def __init__(self, msg=None):
        super().__init__(msg or self.default)
print(WithDefault(), WithDefault("custom"))

# uncaught custom exception
raise Invalid("mode", "xyz")
