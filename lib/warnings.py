"""Python part of the warnings subsystem (refpy's own implementation).

A warning is matched against `filters`, a list of 5-tuples
(action, message, category, module, lineno), first match wins; the action
says whether to raise it ("error"), drop it ("ignore") or show it: always,
once per location ("default"), once per module ("module") or once at all
("once").  "Once" is remembered in the __warningregistry__ dict of the
module that issued the warning (or in _onceregistry), together with the
filters' version so that changing the filters resets it.

The C core (src/vm/warnings.c) issues warnings raised by the interpreter
itself; while this module is imported it hands them to
_warn_explicit_from_c(), so a single filter list applies to everything.
"""

import sys

__all__ = ["warn", "warn_explicit", "showwarning",
           "formatwarning", "filterwarnings", "simplefilter",
           "resetwarnings", "catch_warnings"]

try:
    import _warnings
except ImportError:
    _warnings = None

try:
    import linecache as _linecache
except ImportError:
    _linecache = None

_ACTIONS = ("error", "ignore", "always", "default", "module", "once")


# --------------------------------------------------------------------------
# Regular expressions for filters: the re module when there is one, else a
# small backtracking matcher for the same syntax subset people use here.

class _MiniPattern:
    IGNORECASE = 2

    def __init__(self, pattern, flags=0):
        self.pattern = pattern
        self.flags = flags
        self._icase = bool(flags & self.IGNORECASE)
        self._pos = 0
        self._node = self._parse_alt()
        if self._pos != len(pattern):
            raise ValueError("unbalanced parenthesis in %r" % (pattern,))

    def __repr__(self):
        if self.flags & self.IGNORECASE:
            return 're.compile(%r, re.IGNORECASE)' % (self.pattern,)
        return 're.compile(%r)' % (self.pattern,)

    def __eq__(self, other):
        if not isinstance(other, _MiniPattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    # parsing: alt := seq ('|' seq)* ; seq := (atom quantifier?)*
    def _parse_alt(self):
        branches = [self._parse_seq()]
        while self._pos < len(self.pattern) and self.pattern[self._pos] == '|':
            self._pos += 1
            branches.append(self._parse_seq())
        return ('alt', branches)

    def _parse_seq(self):
        items = []
        p = self.pattern
        while self._pos < len(p) and p[self._pos] not in '|)':
            atom = self._parse_atom()
            if self._pos < len(p) and p[self._pos] in '*+?{':
                c = p[self._pos]
                if c == '{':
                    end = p.find('}', self._pos)
                    body = p[self._pos + 1:end] if end > 0 else ''
                    lo, sep, hi = body.partition(',')
                    if end < 0 or not (lo.isdigit() or (sep and not lo)) or (hi and not hi.isdigit()):
                        items.append(atom)
                        continue
                    lo = int(lo) if lo else 0
                    hi = (int(hi) if hi else None) if sep else lo
                    self._pos = end + 1
                else:
                    lo, hi = {'*': (0, None), '+': (1, None), '?': (0, 1)}[c]
                    self._pos += 1
                if self._pos < len(p) and p[self._pos] == '?':   # lazy: treated as greedy
                    self._pos += 1
                atom = ('rep', atom, lo, hi)
            items.append(atom)
        return ('seq', items)

    def _parse_atom(self):
        p = self.pattern
        c = p[self._pos]
        self._pos += 1
        if c == '.':
            return ('any',)
        if c == '^':
            return ('bol',)
        if c == '$':
            return ('eol',)
        if c == '(':
            if p.startswith('?:', self._pos):
                self._pos += 2
            node = self._parse_alt()
            if self._pos >= len(p) or p[self._pos] != ')':
                raise ValueError("missing ), unterminated subpattern")
            self._pos += 1
            return node
        if c == '[':
            return self._parse_class()
        if c == '\\':
            return self._parse_escape()
        return ('lit', self._fold(c))

    def _parse_escape(self):
        c = self.pattern[self._pos]
        self._pos += 1
        if c == 'Z':
            return ('end',)
        if c == 'A':
            return ('bol',)
        if c in 'dwsDWS':
            return ('cls', [('esc', c)], False)
        return ('lit', self._fold({'n': '\n', 't': '\t', 'r': '\r'}.get(c, c)))

    def _parse_class(self):
        p = self.pattern
        negate = p.startswith('^', self._pos)
        if negate:
            self._pos += 1
        items = []
        first = True
        while self._pos < len(p) and (p[self._pos] != ']' or first):
            first = False
            c = p[self._pos]
            self._pos += 1
            if c == '\\':
                e = p[self._pos]
                self._pos += 1
                if e in 'dwsDWS':
                    items.append(('esc', e))
                    continue
                c = {'n': '\n', 't': '\t'}.get(e, e)
            if p.startswith('-', self._pos) and self._pos + 1 < len(p) and p[self._pos + 1] != ']':
                hi = p[self._pos + 1]
                self._pos += 2
                items.append(('range', self._fold(c), self._fold(hi)))
            else:
                items.append(('range', self._fold(c), self._fold(c)))
        self._pos += 1
        return ('cls', items, negate)

    def _fold(self, c):
        return c.lower() if self._icase else c

    @staticmethod
    def _esc_match(e, ch):
        if e in 'dD':
            r = ch.isdigit()
        elif e in 'wW':
            r = ch.isalnum() or ch == '_'
        else:
            r = ch.isspace()
        return r if e.islower() else not r

    # matching: continuation-passing backtracking
    def _m(self, node, s, i, k):
        kind = node[0]
        if kind == 'seq':
            return self._seq(node[1], 0, s, i, k)
        if kind == 'alt':
            for branch in node[1]:
                r = self._m(branch, s, i, k)
                if r is not None:
                    return r
            return None
        if kind == 'lit':
            if i < len(s) and s[i] == node[1]:
                return k(i + 1)
            return None
        if kind == 'any':
            if i < len(s) and s[i] != '\n':
                return k(i + 1)
            return None
        if kind == 'cls':
            if i >= len(s):
                return None
            ch = s[i]
            hit = False
            for item in node[1]:
                if item[0] == 'esc':
                    hit = self._esc_match(item[1], ch)
                else:
                    hit = item[1] <= ch <= item[2]
                if hit:
                    break
            if hit != node[2]:
                return k(i + 1)
            return None
        if kind == 'bol':
            return k(i) if i == 0 else None
        if kind == 'eol':
            if i == len(s) or (i == len(s) - 1 and s[i] == '\n'):
                return k(i)
            return None
        if kind == 'end':
            return k(i) if i == len(s) else None
        if kind == 'rep':
            return self._rep(node, s, i, k, 0)
        raise AssertionError(kind)

    def _seq(self, items, n, s, i, k):
        if n == len(items):
            return k(i)
        return self._m(items[n], s, i, lambda j: self._seq(items, n + 1, s, j, k))

    def _rep(self, node, s, i, k, count):
        _, atom, lo, hi = node
        if hi is None or count < hi:
            def more(j):
                if j == i:          # empty iteration: stop looping
                    return None
                return self._rep(node, s, j, k, count + 1)
            r = self._m(atom, s, i, more)
            if r is not None:
                return r
        if count >= lo:
            return k(i)
        return None

    def match(self, string):
        s = string.lower() if self._icase else string
        end = self._m(self._node, s, 0, lambda j: j)
        return None if end is None else _MiniMatch(string, end)


class _MiniMatch:
    def __init__(self, string, end):
        self.string = string
        self._end = end

    def group(self, n=0):
        return self.string[:self._end]

    def __bool__(self):
        return True


def _compile(pattern, ignorecase=False):
    try:
        import re
    except ImportError:
        return _MiniPattern(pattern, _MiniPattern.IGNORECASE if ignorecase else 0)
    return re.compile(pattern, re.I) if ignorecase else re.compile(pattern)


def _escape(text):
    try:
        import re
    except ImportError:
        return ''.join('\\' + c if not (c.isalnum() or c == '_') else c for c in text)
    return re.escape(text)


# --------------------------------------------------------------------------
# Filter state (shared with the C core when _warnings is there)

if _warnings is not None:
    filters = _warnings.filters
    _defaultaction = _warnings._defaultaction
    _onceregistry = _warnings._onceregistry
    _warnings_defaults = True
else:
    filters = []
    _defaultaction = 'default'
    _onceregistry = {}
    _warnings_defaults = False

_version_counter = [0]


def _filters_mutated():
    if _warnings is not None:
        _warnings._filters_mutated()
    else:
        _version_counter[0] += 1


def _filters_version():
    if _warnings is not None:
        return _warnings._filters_version()
    return _version_counter[0]


# --------------------------------------------------------------------------
# Showing warnings

def _getline(filename, lineno, module_globals=None):
    if _linecache is not None:
        return _linecache.getline(filename, lineno, module_globals)
    if not filename or (filename[0] == '<' and filename[-1] == '>'):
        return ''
    lines = _source_cache.get(filename)
    if lines is None:
        try:
            with open(filename, encoding='utf-8', errors='replace') as f:
                lines = f.readlines()
        except (OSError, UnicodeError, ValueError):
            return ''
        _source_cache[filename] = lines
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ''

_source_cache = {}


class WarningMessage(object):

    _WARNING_DETAILS = ("message", "category", "filename", "lineno", "file",
                        "line", "source")

    def __init__(self, message, category, filename, lineno, file=None,
                 line=None, source=None):
        self.message = message
        self.category = category
        self.filename = filename
        self.lineno = lineno
        self.file = file
        self.line = line
        self.source = source
        self._category_name = category.__name__ if category else None

    def __str__(self):
        return ("{message : %r, category : %r, filename : %r, lineno : %s, "
                "line : %r}" % (self.message, self._category_name,
                                self.filename, self.lineno, self.line))


def _formatwarnmsg_impl(msg):
    s = "%s:%s: %s: %s\n" % (msg.filename, msg.lineno, msg.category.__name__, msg.message)
    line = msg.line
    if line is None:
        try:
            line = _getline(msg.filename, msg.lineno)
        except Exception:
            line = None
    if line:
        s += "  %s\n" % line.strip()
    return s


def _showwarnmsg_impl(msg):
    file = msg.file
    if file is None:
        file = sys.stderr
        if file is None:        # no sys.stderr: nowhere to show it
            return
    text = _formatwarnmsg(msg)
    try:
        file.write(text)
    except OSError:
        pass


def showwarning(message, category, filename, lineno, file=None, line=None):
    """Hook to write a warning to a file; replace if you like."""
    _showwarnmsg_impl(WarningMessage(message, category, filename, lineno, file, line))


def formatwarning(message, category, filename, lineno, line=None):
    """Function to format a warning the standard way."""
    return _formatwarnmsg_impl(WarningMessage(message, category, filename, lineno, None, line))


_showwarning_orig = showwarning
_formatwarning_orig = formatwarning


def _showwarnmsg(msg):
    """Show a WarningMessage, through a replaced showwarning() if any."""
    try:
        sw = showwarning
    except NameError:
        pass
    else:
        if sw is not _showwarning_orig:
            if not callable(sw):
                raise TypeError("warnings.showwarning() must be set to a "
                                "function or method")
            sw(msg.message, msg.category, msg.filename, msg.lineno,
               msg.file, msg.line)
            return
    _showwarnmsg_impl(msg)


def _formatwarnmsg(msg):
    """Format a WarningMessage, through a replaced formatwarning() if any."""
    try:
        fw = formatwarning
    except NameError:
        pass
    else:
        if fw is not _formatwarning_orig:
            return fw(msg.message, msg.category, msg.filename, msg.lineno, msg.line)
    return _formatwarnmsg_impl(msg)


# --------------------------------------------------------------------------
# Changing the filters

def filterwarnings(action, message="", category=Warning, module="", lineno=0,
                   append=False):
    """Insert an entry into the list of warnings filters (at the front).

    'action' -- one of "error", "ignore", "always", "default", "module",
                or "once"
    'message' -- a regex that the warning message must match
    'category' -- a class that the warning must be a subclass of
    'module' -- a regex that the module name must match
    'lineno' -- an integer line number, 0 matches all warnings
    'append' -- if true, append to the list of filters
    """
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    if not isinstance(message, str):
        raise AssertionError("message must be a string")
    if not isinstance(category, type):
        raise AssertionError("category must be a class")
    if not issubclass(category, Warning):
        raise AssertionError("category must be a Warning subclass")
    if not isinstance(module, str):
        raise AssertionError("module must be a string")
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    message = _compile(message, True) if message else None
    module = _compile(module) if module else None
    _add_filter(action, message, category, module, lineno, append=append)


def simplefilter(action, category=Warning, lineno=0, append=False):
    """Insert a simple entry into the list of warnings filters (at the front).

    A simple filter matches all modules and messages.
    """
    if action not in _ACTIONS:
        raise AssertionError("invalid action: %r" % (action,))
    if not (isinstance(lineno, int) and lineno >= 0):
        raise AssertionError("lineno must be an int >= 0")
    _add_filter(action, None, category, None, lineno, append=append)


def _add_filter(*item, append):
    # An equal filter moves to the front instead of appearing twice.
    if not append:
        try:
            filters.remove(item)
        except ValueError:
            pass
        filters.insert(0, item)
    elif item not in filters:
        filters.append(item)
    _filters_mutated()


def resetwarnings():
    """Clear the list of warning filters, so that no filters are active."""
    filters[:] = []
    _filters_mutated()


class _OptionError(Exception):
    """Exception used by option processing helpers."""


def _processoptions(args):
    for arg in args:
        try:
            _setoption(arg)
        except _OptionError as msg:
            print("Invalid -W option ignored:", msg, file=sys.stderr)


def _setoption(arg):
    parts = arg.split(':')
    if len(parts) > 5:
        raise _OptionError("too many fields (max 5): %r" % (arg,))
    while len(parts) < 5:
        parts.append('')
    action, message, category, module, lineno = [s.strip() for s in parts]
    action = _getaction(action)
    category = _getcategory(category)
    if message:
        message = _escape(message)
    if module:
        module = _escape(module) + r'\Z'
    if lineno:
        try:
            lineno = int(lineno)
            if lineno < 0:
                raise ValueError
        except (ValueError, OverflowError):
            raise _OptionError("invalid lineno %r" % (lineno,)) from None
    else:
        lineno = 0
    filterwarnings(action, message, category, module, lineno)


def _getaction(action):
    if not action:
        return "default"
    if action == "all":
        return "always"
    for a in ('default', 'always', 'ignore', 'module', 'once', 'error'):
        if a.startswith(action):
            return a
    raise _OptionError("invalid action: %r" % (action,))


def _getcategory(category):
    if not category:
        return Warning
    if '.' not in category:
        import builtins as m
        klass = category
    else:
        module, _, klass = category.rpartition('.')
        try:
            m = __import__(module, None, None, [klass])
        except ImportError:
            raise _OptionError("invalid module name: %r" % (module,)) from None
    try:
        cat = getattr(m, klass)
    except AttributeError:
        raise _OptionError("unknown warning category: %r" % (category,)) from None
    if not issubclass(cat, Warning):
        raise _OptionError("invalid warning category: %r" % (category,))
    return cat


# --------------------------------------------------------------------------
# Issuing warnings

def warn(message, category=None, stacklevel=1, source=None, *, skip_file_prefixes=()):
    """Issue a warning, or maybe ignore it or raise an exception."""
    if isinstance(message, Warning):
        category = message.__class__
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError("category must be a Warning subclass, "
                        "not '%s'" % (type(category).__name__,))
    if not isinstance(skip_file_prefixes, tuple):
        raise TypeError('skip_file_prefixes must be a tuple of strs')
    if skip_file_prefixes:
        stacklevel = max(2, stacklevel)
    # Frame 0 is this function; the caller is frame 1.
    frame = None
    try:
        frame = sys._getframe(1)
        level = max(stacklevel, 1)
        while level > 1 and frame is not None:
            frame = frame.f_back
            if frame is not None and skip_file_prefixes and \
                    frame.f_code.co_filename.startswith(skip_file_prefixes):
                continue
            level -= 1
    except ValueError:
        frame = None
    if frame is None:
        globals = sys.__dict__
        filename = "sys"
        lineno = 1
    else:
        globals = frame.f_globals
        filename = frame.f_code.co_filename
        lineno = frame.f_lineno
    del frame
    module = globals.get('__name__', "<string>") if isinstance(globals, dict) else "<string>"
    if not isinstance(module, str) and module is not None:
        module = "<string>"
    registry = globals.setdefault("__warningregistry__", {})
    _warn_explicit(message, category, filename, lineno, module, registry, globals, source)


_NOT_GIVEN = object()


def warn_explicit(message, category, filename, lineno,
                  module=_NOT_GIVEN, registry=None, module_globals=None,
                  source=None):
    """Low-level interface to warnings functionality."""
    _warn_explicit(message, category, filename, lineno, module, registry,
                   module_globals, source)


def _warn_explicit_from_c(message, category, filename, lineno, module, registry):
    """Called by the C core for the warnings it issues."""
    if module is None:
        module = _NOT_GIVEN
    _warn_explicit(message, category, filename, lineno, module, registry, None, None)


def _matches(pattern, value):
    if pattern is None:
        return True
    if type(pattern) is str:
        return pattern == value
    return bool(pattern.match(value))


def _already_warned(registry, key, should_set):
    version = _filters_version()
    seen = registry.get('version')
    if type(seen) is not int or seen != version:
        registry.clear()
        registry['version'] = version
    elif registry.get(key):
        return True
    if should_set:
        registry[key] = True
    return False


def _warn_explicit(message, category, filename, lineno, module, registry,
                   module_globals, source):
    if module is None:
        return          # issued late at shutdown: nothing sensible to do
    lineno = int(lineno)
    if module is _NOT_GIVEN:
        if filename:
            module = filename[:-3] if filename.endswith('.py') else filename
        else:
            module = "<unknown>"
    if registry is not None and not isinstance(registry, dict):
        raise TypeError("'registry' must be a dict or None")
    if isinstance(message, Warning):
        text = str(message)
        category = message.__class__
    else:
        text = message
        message = category(message)
    key = (text, category, lineno)
    if registry is not None and _already_warned(registry, key, False):
        return

    if not isinstance(filters, list):
        raise ValueError("_warnings.filters must be a list")
    for index, item in enumerate(filters):
        if not (isinstance(item, tuple) and len(item) == 5):
            raise ValueError("_warnings.filters item %d isn't a 5-tuple" % index)
        action, msg, cat, mod, ln = item
        if (_matches(msg, text) and issubclass(category, cat) and
                _matches(mod, module) and (ln == 0 or lineno == ln)):
            break
    else:
        action = _defaultaction
        item = None

    if action == "error":
        raise message
    if action == "ignore":
        return

    if action != "always":
        if registry is not None:
            registry[key] = True
        if action == "once":
            # the issuing module's registry when there is one, as the C core
            if _already_warned(_onceregistry if registry is None else registry,
                               (text, category), True):
                return
        elif action == "module":
            if registry is not None and _already_warned(registry, (text, category), True):
                return
        elif action != "default":
            raise RuntimeError("Unrecognized action (%r) in warnings.filters:\n %r"
                               % (action, item))

    if module_globals is not None and _linecache is not None:
        try:
            _linecache.getlines(filename, module_globals)
        except Exception:
            pass
    msg = WarningMessage(message, category, filename, lineno, source=source)
    _showwarnmsg(msg)


_DEPRECATED_MSG = "{name!r} is deprecated and slated for removal in Python {remove}"


def _deprecated(name, message=_DEPRECATED_MSG, *, remove, _version=sys.version_info):
    """Warn that `name` is deprecated and goes away in version `remove`
    (a (major, minor) tuple); once that version is reached (past its
    alphas), calling this is an error in the caller's code."""
    shown = "%d.%d" % (remove[0], remove[1])
    current = tuple(_version[:2])
    if current > tuple(remove) or (current == tuple(remove) and _version[3] != "alpha"):
        raise RuntimeError("%r was slated for removal after Python %s alpha" % (name, shown))
    warn(message.format(name=name, remove=shown), DeprecationWarning, stacklevel=3)


# --------------------------------------------------------------------------

class catch_warnings(object):
    """A context manager that copies and restores the warnings filter upon
    exiting the context.

    The 'record' argument specifies whether warnings should be captured by a
    custom implementation of warnings.showwarning() and be appended to a list
    returned by the context manager. Otherwise None is returned by the context
    manager. The objects appended to the list are arguments whose attributes
    mirror the arguments to showwarning().

    The 'module' argument is to specify an alternative module to the module
    named 'warnings' and imported under that name. This argument is only useful
    when testing the warnings module itself.

    If the 'action' argument is not None, the remaining arguments are passed
    to warnings.simplefilter() as if it were called immediately on entering the
    context.
    """

    def __init__(self, *, record=False, module=None,
                 action=None, category=Warning, lineno=0, append=False):
        self._record = record
        self._module = sys.modules['warnings'] if module is None else module
        self._entered = False
        if action is None:
            self._filter = None
        else:
            self._filter = (action, category, lineno, append)

    def __repr__(self):
        args = []
        if self._record:
            args.append("record=True")
        if self._module is not sys.modules['warnings']:
            args.append("module=%r" % self._module)
        return "%s(%s)" % (type(self).__name__, ", ".join(args))

    def __enter__(self):
        if self._entered:
            raise RuntimeError("Cannot enter %r twice" % self)
        self._entered = True
        module = self._module
        self._filters = module.filters
        module.filters = self._filters[:]
        module._filters_mutated()
        self._showwarning = module.showwarning
        self._showwarnmsg_impl = module._showwarnmsg_impl
        if self._filter is not None:
            simplefilter(*self._filter)
        if self._record:
            log = []
            module._showwarnmsg_impl = log.append
            # A replaced showwarning() would bypass the log: restore it.
            module.showwarning = module._showwarning_orig
            return log
        return None

    def __exit__(self, *exc_info):
        if not self._entered:
            raise RuntimeError("Cannot exit %r without entering first" % self)
        module = self._module
        module.filters = self._filters
        module._filters_mutated()
        module.showwarning = self._showwarning
        module._showwarnmsg_impl = self._showwarnmsg_impl


# Without the C module, -W options still have to be honoured here, and
# CPython's default filters installed.
if not _warnings_defaults:
    filters.extend([('default', None, DeprecationWarning, '__main__', 0),
                    ('ignore', None, DeprecationWarning, None, 0),
                    ('ignore', None, PendingDeprecationWarning, None, 0),
                    ('ignore', None, ImportWarning, None, 0),
                    ('ignore', None, ResourceWarning, None, 0)])
    _processoptions(sys.warnoptions)

del _warnings_defaults
