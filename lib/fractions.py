"""fractions -- rational numbers.

A Fraction is kept in lowest terms with a positive denominator, so two
equal fractions have the same numerator and denominator, and every
operation simply builds the exact result and reduces it.  Mixed
arithmetic follows the numeric tower: with ints and Fractions the result
is a Fraction, with floats a float, with complex numbers a complex.

Strings are parsed by hand ("3/4", " -1.5e3 ", "1_000/7"); formatting
with the float presentation types (e, f, g, %) rounds the exact value
half-to-even, so format(Fraction(1, 3), '.20f') shows true digits.
"""

import math
import numbers
import operator
import sys

__all__ = ['Fraction']

_PyHASH_MODULUS = sys.hash_info.modulus
_PyHASH_INF = sys.hash_info.inf


def _is_decimal(x):
    return type(x).__name__ == 'Decimal' and type(x).__module__ in ('decimal', '_decimal', '_pydecimal')


def _digits_with_underscores(s, i, allow_empty):
    """End of a run of digits (single underscores allowed between them)
    starting at i, or -1 if there is none (when not allow_empty)."""
    n = len(s)
    j = i
    if j < n and s[j].isdecimal():
        j += 1
        while j < n:
            if s[j].isdecimal():
                j += 1
            elif s[j] == '_' and j + 1 < n and s[j + 1].isdecimal():
                j += 2
            else:
                break
        return j
    return i if allow_empty else -1


def _exponent_tail(s, i):
    """The exponent text of an optional "e[+-]digits" suffix at i that
    must end the string ('' when absent), or None if s[i:] is not that."""
    n = len(s)
    if i == n:
        return ''
    if s[i] not in 'eE':
        return None
    k = i + 1
    if k < n and s[k] in '+-':
        k += 1
    j = _digits_with_underscores(s, k, False)
    if j != n:
        return None
    return s[i + 1:j]


def _parse_rational(text):
    """(numerator, denominator) of a Fraction literal, or None."""
    s = text.strip()
    n = len(s)
    i = 0
    negative = False
    if i < n and s[i] in '+-':
        negative = s[i] == '-'
        i += 1
    # a digit, or a point followed by a digit, must come next
    if not (i < n and (s[i].isdecimal() or (s[i] == '.' and i + 1 < n and s[i + 1].isdecimal()))):
        return None
    j = _digits_with_underscores(s, i, True)
    num = s[i:j]
    i = j
    # fraction form: num / denom
    k = i
    while k < n and s[k].isspace():
        k += 1
    if k < n and s[k] == '/':
        k += 1
        while k < n and s[k].isspace():
            k += 1
        j = _digits_with_underscores(s, k, False)
        if j < 0 or j != n or not num:
            return None
        return (-int(num) if negative else int(num)), int(s[k:j])
    numerator = int(num) if num else 0
    denominator = 1
    decimal = ''
    if i < n and s[i] == '.':
        # CPython's pattern accepts a run of the letter d here (a slip in
        # its regular expression); int() then rejects it.
        j = i + 1
        while j < n and s[j] in 'dD':
            j += 1
        tail = _exponent_tail(s, j)
        if tail is None:
            j = _digits_with_underscores(s, i + 1, True)
            tail = _exponent_tail(s, j)
            if tail is None:
                return None
        decimal = s[i + 1:j].replace('_', '')
    else:
        tail = _exponent_tail(s, i)
        if tail is None:
            return None
    if decimal:
        scale = 10 ** len(decimal)
        numerator = numerator * scale + int(decimal)
        denominator *= scale
    if tail:
        exp = int(tail)
        if exp >= 0:
            numerator *= 10 ** exp
        else:
            denominator *= 10 ** -exp
    if negative:
        numerator = -numerator
    return numerator, denominator


def _round_to_exponent(n, d, exponent, no_neg_zero=False):
    """(negative, |q|) where q is n/d rounded half-to-even to a multiple
    of 10**exponent, expressed in units of 10**exponent."""
    if exponent >= 0:
        d *= 10 ** exponent
    else:
        n *= 10 ** -exponent
    q, r = divmod(n + (d >> 1), d)
    if r == 0 and d & 1 == 0:
        q &= -2         # a tie rounded up: make it even
    negative = q < 0 if no_neg_zero else n < 0
    return negative, abs(q)


def _round_to_figures(n, d, figures):
    """(negative, significand, exponent): n/d rounded half-to-even to
    `figures` significant digits, significand * 10**exponent."""
    if n == 0:
        return False, 0, 1 - figures
    str_n, str_d = str(abs(n)), str(d)
    # 10**(m-1) <= |n|/d <= 10**m
    m = len(str_n) - len(str_d) + (str_d <= str_n)
    exponent = m - figures
    negative, significand = _round_to_exponent(n, d, exponent)
    if len(str(significand)) == figures + 1:
        significand //= 10
        exponent += 1
    return negative, significand, exponent


def _parse_float_spec(spec):
    """The fields of a float-style format spec, or None if it is not one:
    [[fill]align][sign][z][#][0][width][,|_][.precision](e|E|f|F|g|G|%)."""
    n = len(spec)
    i = 0
    fill = align = None
    if n >= 2 and spec[1] in '<>=^':
        fill, align = spec[0], spec[1]
        i = 2
    elif n >= 1 and spec[0] in '<>=^':
        align = spec[0]
        i = 1
    sign = ''
    if i < n and spec[i] in '-+ ':
        sign = spec[i]
        i += 1
    no_neg_zero = False
    if i < n and spec[i] == 'z':
        no_neg_zero = True
        i += 1
    alt = False
    if i < n and spec[i] == '#':
        alt = True
        i += 1
    zeropad = False
    if i + 1 < n and spec[i] == '0' and spec[i + 1] in '0123456789':
        zeropad = True
        i += 1
    j = i
    while j < n and spec[j] in '0123456789':
        j += 1
    width = spec[i:j]
    if width and len(width) > 1 and width[0] == '0':
        return None
    i = j
    thousands = None
    if i < n and spec[i] in ',_':
        thousands = spec[i]
        i += 1
    precision = None
    if i < n and spec[i] == '.':
        j = i + 1
        while j < n and spec[j] in '0123456789':
            j += 1
        precision = spec[i + 1:j]
        if not precision or (len(precision) > 1 and precision[0] == '0'):
            return None
        i = j
    if i != n - 1 or spec[i] not in 'eEfFgG%':
        return None
    return (fill, align, sign, no_neg_zero, alt, zeropad, int(width or '0'),
            thousands, int(precision) if precision is not None else None, spec[i])


class Fraction(numbers.Rational):
    """A rational number numerator/denominator, always in lowest terms."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None):
        """Constructs a Rational."""
        self = super(Fraction, cls).__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            elif isinstance(numerator, numbers.Rational):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            elif isinstance(numerator, float) or _is_decimal(numerator):
                self._numerator, self._denominator = numerator.as_integer_ratio()
                return self
            elif isinstance(numerator, str):
                parsed = _parse_rational(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
            else:
                raise TypeError("argument should be a string "
                                "or a Rational instance")
        elif type(numerator) is int is type(denominator):
            pass
        elif (isinstance(numerator, numbers.Rational) and
              isinstance(denominator, numbers.Rational)):
            numerator, denominator = (
                numerator.numerator * denominator.denominator,
                denominator.numerator * numerator.denominator
            )
        else:
            raise TypeError("both arguments should be "
                            "Rational instances")
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        g = math.gcd(numerator, denominator)
        if denominator < 0:
            g = -g
        numerator //= g
        denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, numbers.Integral):
            return cls(f)
        elif not isinstance(f, float):
            raise TypeError("%s.from_float() only takes floats, not %r (%s)" %
                            (cls.__name__, f, type(f).__name__))
        return cls._from_coprime_ints(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        if isinstance(dec, numbers.Integral):
            dec = type(dec)(int(dec)) if _is_decimal(dec) else dec
            return cls(int(dec))
        elif not _is_decimal(dec):
            raise TypeError(
                "%s.from_decimal() only takes Decimals, not %r (%s)" %
                (cls.__name__, dec, type(dec).__name__))
        return cls._from_coprime_ints(*dec.as_integer_ratio())

    @classmethod
    def _from_coprime_ints(cls, numerator, denominator, /):
        """A Fraction from numerator and denominator already in lowest
        terms with denominator > 0 (not checked)."""
        obj = super(Fraction, cls).__new__(cls)
        obj._numerator = numerator
        obj._denominator = denominator
        return obj

    def is_integer(self):
        """Return True if the Fraction is an integer."""
        return self._denominator == 1

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """The closest Fraction to self with denominator at most
        max_denominator."""
        # Walk the continued-fraction convergents p/q of self until the
        # next denominator would be too big; the answer is the last
        # convergent or the best semiconvergent after it.
        if max_denominator < 1:
            raise ValueError("max_denominator should be at least 1")
        if self._denominator <= max_denominator:
            return Fraction(self)
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._from_coprime_ints(p1, q1)
        return Fraction._from_coprime_ints(p0 + k * p1, q0 + k * q1)

    @property
    def numerator(a):
        return a._numerator

    @property
    def denominator(a):
        return a._denominator

    def __repr__(self):
        """repr(self)"""
        return '%s(%s, %s)' % (self.__class__.__name__,
                               self._numerator, self._denominator)

    def __str__(self):
        """str(self)"""
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    def __format__(self, format_spec, /):
        if not format_spec:
            return str(self)
        parsed = _parse_float_spec(format_spec)
        if parsed is None:
            raise ValueError(
                f"Invalid format specifier {format_spec!r} "
                f"for object of type {type(self).__name__!r}")
        (fill, align, sign_opt, no_neg_zero, alt, zeropad, minimumwidth,
         thousands_sep, precision, presentation_type) = parsed
        if align is not None and zeropad:
            raise ValueError(
                f"Invalid format specifier {format_spec!r} "
                f"for object of type {type(self).__name__!r}; "
                "can't use explicit alignment when zero-padding")
        fill = fill or " "
        align = align or ">"
        pos_sign = "" if sign_opt == "-" else sign_opt
        if precision is None:
            precision = 6
        trim_zeros = presentation_type in "gG" and not alt
        trim_point = not alt
        exponent_indicator = "E" if presentation_type in "EFG" else "e"

        # point_pos: how many of the digits go after the point
        if presentation_type in "fF%":
            exponent = -precision
            if presentation_type == "%":
                exponent -= 2
            negative, significand = _round_to_exponent(
                self._numerator, self._denominator, exponent, no_neg_zero)
            scientific = False
            point_pos = precision
        else:
            figures = max(precision, 1) if presentation_type in "gG" else precision + 1
            negative, significand, exponent = _round_to_figures(
                self._numerator, self._denominator, figures)
            scientific = (presentation_type in "eE" or exponent > 0 or
                          exponent + figures <= -4)
            point_pos = figures - 1 if scientific else -exponent

        if presentation_type == "%":
            suffix = "%"
        elif scientific:
            suffix = f"{exponent_indicator}{exponent + point_pos:+03d}"
        else:
            suffix = ""

        digits = f"{significand:0{point_pos + 1}d}"
        sign = "-" if negative else pos_sign
        leading = digits[:len(digits) - point_pos]
        frac_part = digits[len(digits) - point_pos:]
        if trim_zeros:
            frac_part = frac_part.rstrip("0")
        separator = "" if trim_point and not frac_part else "."
        trailing = separator + frac_part + suffix

        if zeropad:
            min_leading = minimumwidth - len(sign) - len(trailing)
            # separators will be added to the padding zeros too
            leading = leading.zfill(
                3 * min_leading // 4 + 1 if thousands_sep else min_leading)
        if thousands_sep:
            first = 1 + (len(leading) - 1) % 3
            leading = leading[:first] + "".join(
                thousands_sep + leading[pos:pos + 3]
                for pos in range(first, len(leading), 3))

        body = leading + trailing
        padding = fill * (minimumwidth - len(sign) - len(body))
        if align == ">":
            return padding + sign + body
        if align == "<":
            return sign + body + padding
        if align == "^":
            half = len(padding) // 2
            return padding[:half] + sign + body + padding[half:]
        return sign + padding + body

    def _operator_fallbacks(monomorphic_operator, fallback_operator):
        """A forward and a reverse operator method from an operation on
        two Fractions: ints are promoted to Fractions, floats and complex
        numbers get the fallback operator on converted operands."""

        def forward(a, b):
            if isinstance(b, Fraction):
                return monomorphic_operator(a, b)
            elif isinstance(b, int):
                return monomorphic_operator(a, Fraction._from_coprime_ints(b, 1))
            elif isinstance(b, float):
                return fallback_operator(float(a), b)
            elif isinstance(b, complex):
                return fallback_operator(complex(a), b)
            else:
                return NotImplemented
        forward.__name__ = '__' + fallback_operator.__name__ + '__'
        forward.__doc__ = monomorphic_operator.__doc__

        def reverse(b, a):
            if isinstance(a, numbers.Rational):
                return monomorphic_operator(Fraction(a), b)
            elif isinstance(a, numbers.Real):
                return fallback_operator(float(a), float(b))
            elif isinstance(a, numbers.Complex):
                return fallback_operator(complex(a), complex(b))
            else:
                return NotImplemented
        reverse.__name__ = '__r' + fallback_operator.__name__ + '__'
        reverse.__doc__ = monomorphic_operator.__doc__

        return forward, reverse

    def _add(a, b):
        """a + b"""
        return Fraction(a._numerator * b._denominator + b._numerator * a._denominator,
                        a._denominator * b._denominator)

    __add__, __radd__ = _operator_fallbacks(_add, operator.add)

    def _sub(a, b):
        """a - b"""
        return Fraction(a._numerator * b._denominator - b._numerator * a._denominator,
                        a._denominator * b._denominator)

    __sub__, __rsub__ = _operator_fallbacks(_sub, operator.sub)

    def _mul(a, b):
        """a * b"""
        return Fraction(a._numerator * b._numerator, a._denominator * b._denominator)

    __mul__, __rmul__ = _operator_fallbacks(_mul, operator.mul)

    def _div(a, b):
        """a / b"""
        nb, db = b._numerator, b._denominator
        if nb == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % db)
        return Fraction(a._numerator * db, a._denominator * nb)

    __truediv__, __rtruediv__ = _operator_fallbacks(_div, operator.truediv)

    def _floordiv(a, b):
        """a // b"""
        return (a.numerator * b.denominator) // (a.denominator * b.numerator)

    __floordiv__, __rfloordiv__ = _operator_fallbacks(_floordiv, operator.floordiv)

    def _divmod(a, b):
        """(a // b, a % b)"""
        da, db = a.denominator, b.denominator
        div, n_mod = divmod(a.numerator * db, da * b.numerator)
        return div, Fraction(n_mod, da * db)

    __divmod__, __rdivmod__ = _operator_fallbacks(_divmod, divmod)

    def _mod(a, b):
        """a % b"""
        da, db = a.denominator, b.denominator
        return Fraction((a.numerator * db) % (b.numerator * da), da * db)

    __mod__, __rmod__ = _operator_fallbacks(_mod, operator.mod)

    def __pow__(a, b):
        """a ** b

        If b is not an integer, the result will be a float or complex
        since roots are generally irrational. If b is an integer, the
        result will be rational.
        """
        if isinstance(b, numbers.Rational):
            if b.denominator == 1:
                power = b.numerator
                if power >= 0:
                    return Fraction._from_coprime_ints(a._numerator ** power,
                                                       a._denominator ** power)
                elif a._numerator > 0:
                    return Fraction._from_coprime_ints(a._denominator ** -power,
                                                       a._numerator ** -power)
                elif a._numerator == 0:
                    raise ZeroDivisionError('Fraction(%s, 0)' %
                                            a._denominator ** -power)
                else:
                    return Fraction._from_coprime_ints((-a._denominator) ** -power,
                                                       (-a._numerator) ** -power)
            return float(a) ** float(b)
        return float(a) ** b

    def __rpow__(b, a):
        """a ** b"""
        if b._denominator == 1 and b._numerator >= 0:
            # an int base stays an int
            return a ** b._numerator
        if isinstance(a, numbers.Rational):
            return Fraction(a.numerator, a.denominator) ** b
        if b._denominator == 1:
            return a ** b._numerator
        return a ** float(b)

    def __pos__(a):
        """+a: Coerces a subclass instance to Fraction"""
        return Fraction._from_coprime_ints(a._numerator, a._denominator)

    def __neg__(a):
        """-a"""
        return Fraction._from_coprime_ints(-a._numerator, a._denominator)

    def __abs__(a):
        """abs(a)"""
        return Fraction._from_coprime_ints(abs(a._numerator), a._denominator)

    def __int__(a, _index=operator.index):
        """int(a)"""
        if a._numerator < 0:
            return _index(-(-a._numerator // a._denominator))
        return _index(a._numerator // a._denominator)

    def __trunc__(a):
        """math.trunc(a)"""
        if a._numerator < 0:
            return -(-a._numerator // a._denominator)
        return a._numerator // a._denominator

    def __floor__(a):
        """math.floor(a)"""
        return a._numerator // a._denominator

    def __ceil__(a):
        """math.ceil(a)"""
        return -(-a._numerator // a._denominator)

    def __round__(self, ndigits=None):
        """round(self, ndigits)

        Rounds half toward even.
        """
        if ndigits is None:
            d = self._denominator
            floor, remainder = divmod(self._numerator, d)
            if remainder * 2 < d:
                return floor
            elif remainder * 2 > d:
                return floor + 1
            elif floor % 2 == 0:
                return floor
            else:
                return floor + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        """hash(self)"""
        # The same hash as an equal int, float or Decimal: n * d**-1 in
        # the hash modulus (inf when d is a multiple of the modulus).
        try:
            dinv = pow(self._denominator, -1, _PyHASH_MODULUS)
        except ValueError:
            hash_ = _PyHASH_INF
        else:
            hash_ = hash(hash(abs(self._numerator)) * dinv)
        result = hash_ if self._numerator >= 0 else -hash_
        return -2 if result == -1 else result

    def __eq__(a, b):
        """a == b"""
        if type(b) is int:
            return a._numerator == b and a._denominator == 1
        if isinstance(b, numbers.Rational):
            return (a._numerator == b.numerator and
                    a._denominator == b.denominator)
        if isinstance(b, numbers.Complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if math.isnan(b) or math.isinf(b):
                return 0.0 == b
            return a == a.from_float(b)
        return NotImplemented

    def _richcmp(self, other, op):
        """Compare with another Rational exactly, or with a float by
        converting the float to a Fraction (nan and inf compare like 0.0)."""
        if isinstance(other, numbers.Rational):
            return op(self._numerator * other.denominator,
                      self._denominator * other.numerator)
        if isinstance(other, float):
            if math.isnan(other) or math.isinf(other):
                return op(0.0, other)
            return op(self, self.from_float(other))
        return NotImplemented

    def __lt__(a, b):
        """a < b"""
        return a._richcmp(b, operator.lt)

    def __gt__(a, b):
        """a > b"""
        return a._richcmp(b, operator.gt)

    def __le__(a, b):
        """a <= b"""
        return a._richcmp(b, operator.le)

    def __ge__(a, b):
        """a >= b"""
        return a._richcmp(b, operator.ge)

    def __bool__(a):
        """a != 0"""
        return bool(a._numerator)

    def __reduce__(self):
        return (self.__class__, (self._numerator, self._denominator))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)
