"""string -- common string constants, capwords(), Template and Formatter.

Template substitution and Formatter's parsing are done by small hand
written scanners (refpy has no regular-expression engine for them to
lean on):

* Template recognises, after its delimiter ('$' by default), a second
  delimiter (an escaped one), an identifier ([_a-zA-Z][_a-zA-Z0-9]*,
  ASCII only), or an identifier in braces; anything else is an invalid
  placeholder.  A subclass may change `delimiter`; a subclass that
  customises `idpattern`, `braceidpattern`, `flags` or `pattern` needs
  the `re` module and uses it.

* Formatter.parse() follows str.format's grammar: literal text with {{
  and }} escapes, then fields "name[!conv][:spec]" where the spec may
  hold nested {} fields.  get_field() splits "a.b[0]" into the first
  name and the attribute/index steps.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

# Some strings for ctype-style character classification
whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """Capitalize each word of s: split with s.split(sep), capitalize
    the words and join them with sep (a single space when sep is None)."""
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


# ---------------------------------------------------------------------------
# Template

_sentinel_dict = {}

_ID_START = frozenset('_' + ascii_letters)
_ID_CHARS = frozenset('_' + ascii_letters + digits)


class _ChainMap:
    """The lookups of substitute(mapping, **kws): keywords first."""

    def __init__(self, first, second):
        self.first = first
        self.second = second

    def __getitem__(self, key):
        try:
            return self.first[key]
        except KeyError:
            return self.second[key]


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None    # re.IGNORECASE when the re module is used

    _custom = False

    def __init_subclass__(cls):
        super().__init_subclass__()
        for name in ('idpattern', 'braceidpattern', 'flags', 'pattern'):
            if name in cls.__dict__:
                cls._custom = True
        if cls._custom:
            import re
            if 'pattern' in cls.__dict__:
                pattern = cls.pattern
            else:
                delim = re.escape(cls.delimiter)
                id = cls.idpattern
                bid = cls.braceidpattern or cls.idpattern
                pattern = fr"""
                {delim}(?:
                  (?P<escaped>{delim})  |   # Escape sequence of two delimiters
                  (?P<named>{id})       |   # delimiter and a Python identifier
                  {{(?P<braced>{bid})}} |   # delimiter and a braced identifier
                  (?P<invalid>)             # Other ill-formed delimiter exprs
                )
                """
            flags = cls.flags if cls.flags is not None else re.IGNORECASE
            cls.pattern = re.compile(pattern, flags | re.VERBOSE)

    def __init__(self, template):
        self.template = template

    # Each placeholder is reported as (start, end, kind, name): kind is
    # 'escaped', 'named', 'braced' or 'invalid'; for 'invalid', start is
    # where the delimiter ends.
    def _placeholders(self):
        if self._custom:
            for mo in self.pattern.finditer(self.template):
                for kind in ('escaped', 'named', 'braced', 'invalid'):
                    value = mo.group(kind)
                    if value is not None:
                        if kind == 'invalid':
                            yield mo.start('invalid'), mo.end(), kind, None
                        else:
                            yield mo.start(), mo.end(), kind, value
                        break
            return
        s = self.template
        delim = self.delimiter
        dlen = len(delim)
        n = len(s)
        i = s.find(delim) if dlen else -1
        while i >= 0:
            j = i + dlen
            if s.startswith(delim, j):
                yield i, j + dlen, 'escaped', delim
                i = s.find(delim, j + dlen)
                continue
            if j < n and s[j] in _ID_START:
                k = j + 1
                while k < n and s[k] in _ID_CHARS:
                    k += 1
                yield i, k, 'named', s[j:k]
                i = s.find(delim, k)
                continue
            if j < n and s[j] == '{' and j + 1 < n and s[j + 1] in _ID_START:
                k = j + 2
                while k < n and s[k] in _ID_CHARS:
                    k += 1
                if k < n and s[k] == '}':
                    yield i, k + 1, 'braced', s[j + 1:k]
                    i = s.find(delim, k + 1)
                    continue
            yield j, j, 'invalid', None
            i = s.find(delim, j)

    def _invalid(self, pos):
        lines = self.template[:pos].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = pos - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        out = []
        last = 0
        s = self.template
        for start, end, kind, name in self._placeholders():
            if kind == 'invalid':
                self._invalid(start)
            out.append(s[last:start])
            if kind == 'escaped':
                out.append(self.delimiter)
            else:
                out.append(str(mapping[name]))
            last = end
        out.append(s[last:])
        return ''.join(out)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainMap(kws, mapping)
        out = []
        last = 0
        s = self.template
        for start, end, kind, name in self._placeholders():
            if kind == 'invalid':
                continue        # left in place
            out.append(s[last:start])
            if kind == 'escaped':
                out.append(self.delimiter)
            else:
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(s[start:end])
            last = end
        out.append(s[last:])
        return ''.join(out)

    def is_valid(self):
        for start, end, kind, name in self._placeholders():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for start, end, kind, name in self._placeholders():
            if kind in ('named', 'braced'):
                if name not in ids:
                    ids.append(name)
            elif kind == 'invalid':
                raise ValueError('Unrecognized named group in pattern', None)
        return ids


# ---------------------------------------------------------------------------
# Formatter

def _parse_format(s):
    """Yield (literal_text, field_name, format_spec, conversion) for a
    str.format-style string; field_name is None after the last field and
    for text ending at a {{ or }} escape."""
    n = len(s)
    pos = 0
    while pos < n:
        lit_start = pos
        c = ''
        markup = False
        while pos < n:
            c = s[pos]
            pos += 1
            if c == '{' or c == '}':
                markup = True
                break
        at_end = pos >= n
        lit_end = pos
        if markup and c == '}' and (at_end or s[pos] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if markup and c == '{' and at_end:
            raise ValueError("Single '{' encountered in format string")
        if markup and not at_end:
            if s[pos] == c:
                pos += 1
                markup = False      # an escaped brace ends the literal
            else:
                lit_end -= 1
        literal = s[lit_start:lit_end]
        if not markup:
            yield literal, None, None, None
            continue
        # the field: name [!conversion] [:spec] }
        name_start = pos
        c = ''
        while pos < n:
            c = s[pos]
            pos += 1
            if c == '{':
                raise ValueError("unexpected '{' in field name")
            if c == '[':
                while pos < n and s[pos] != ']':
                    pos += 1
                continue
            if c in '}:!':
                break
        name = s[name_start:pos - 1] if c in '}:!' else s[name_start:pos]
        conversion = None
        spec = ''
        if c == '!' or c == ':':
            closed = False
            if c == '!':
                if pos >= n:
                    raise ValueError("end of string while looking for conversion specifier")
                conversion = s[pos]
                pos += 1
                if pos < n:
                    d = s[pos]
                    pos += 1
                    if d == '}':
                        closed = True
                    elif d != ':':
                        raise ValueError("expected ':' after conversion specifier")
            if not closed:
                depth = 1
                spec_start = pos
                while pos < n:
                    d = s[pos]
                    pos += 1
                    if d == '{':
                        depth += 1
                    elif d == '}':
                        depth -= 1
                        if depth == 0:
                            spec = s[spec_start:pos - 1]
                            closed = True
                            break
                if not closed:
                    raise ValueError("unmatched '{' in format spec")
        elif c != '}':
            raise ValueError("expected '}' before end of string")
        yield literal, name, spec, conversion


def _field_int(text):
    if text and text.isascii() and text.isdigit():
        return int(text)
    return None


def _field_rest(name, i):
    n = len(name)
    while i < n:
        c = name[i]
        i += 1
        if c == '.':
            start = i
            while i < n and name[i] not in '.[':
                i += 1
            if start == i:
                raise ValueError("Empty attribute in format string")
            yield True, name[start:i]
        elif c == '[':
            start = i
            while i < n and name[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            key = name[start:i]
            i += 1
            if not key:
                raise ValueError("Empty attribute in format string")
            k = _field_int(key)
            yield False, key if k is None else k
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")


def _split_field_name(name):
    """(first, iterator of (is_attribute, key)) for "first.attr[key]..."."""
    i = 0
    n = len(name)
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    k = _field_int(first)
    return (first if k is None else k), _field_rest(name, i)


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        pieces = []
        for literal, field_name, format_spec, conversion in self.parse(format_string):
            if literal:
                pieces.append(literal)
            if field_name is None:
                continue
            # Automatic numbering ({}) and explicit numbers cannot mix.
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            pieces.append(self.format_field(obj, format_spec))
        return ''.join(pieces), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        """Iterate over (literal_text, field_name, format_spec, conversion)."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
