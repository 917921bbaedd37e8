from fractions import Fraction as F
import fractions, math, numbers

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(F(3, 4), repr(F(6, -8)), F(5), F(), F(0, 5), F(F(1, 3)), F(1.5), F(0.1), F(-2.75), F(F(1, 2), F(3, 4)))
print(F(3, 4).numerator, F(3, 4).denominator, F(-6, 4).as_integer_ratio(), F(4, 2).is_integer(), F(1, 2).is_integer())
for s in ['3/4', ' -2/3 ', '1.5', '1e-3', '-1.25E2', '.5', '5.', '1_000/3', '+7', '0x10', '3 / 4', '1/2/3', '', '1.2.3',
          '1.d', '1.5_0', '1._5', '.e5', '1e', '1e+', '-.5', '1__0', '1e1_0', '1.0e-1_0', ' 7 ', '1/0', '٣/٤']:
    show(lambda: F(s))
show(lambda: F(1, 0))
show(lambda: F(1.5, 2))
show(lambda: F([]))
show(lambda: F(float('nan')))
show(lambda: F(float('inf')))
show(lambda: F.from_float('x'))
print(F.from_float(0.25), F.from_float(3), F.from_decimal(5) if False else '')

a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(F(7, 2), F(2, 3)), a ** 2, a ** -2, F(-2, 3) ** -3, F(4, 9) ** F(1, 2))
print(a + 1, 1 + a, a - 2, 2 - a, a * 3, 3 * a, a / 2, 2 / a, 2 ** F(3), 2 ** F(1, 2), F(1, 2) + 0.5, 0.5 + F(1, 2), F(1, 2) * 1j, a + True)
print(-a, +a, abs(F(-3, 4)), int(F(7, 2)), int(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), math.trunc(F(-7, 2)), float(F(1, 3)), complex(F(1, 2)))
print(round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(1, 3), 2), round(F(12345, 1), -2), round(F(25, 100), 1))
show(lambda: F(1, 2) / 0)
show(lambda: F(1, 2) / F(0))
show(lambda: F(0) ** -1)
show(lambda: F(1, 2) // 0)
show(lambda: F(1, 2) % 0)
show(lambda: F(1, 2) + 'x')
print(F(1, 2) == 0.5, F(1, 2) == F(2, 4), F(1, 3) == 1 / 3, F(2, 1) == 2, F(1, 2) < 1, F(1, 2) > 0.4, F(1, 2) <= F(1, 2), F(1, 2) >= 1, F(1, 2) != 0.5 + 0j)
print(F(1, 2) < float('inf'), F(1, 2) > float('nan'), F(1, 2) == float('nan'), sorted([F(1, 2), 0.3, F(1, 5), 1]))
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(-1)), hash(F(1, 3)), hash(F(-7, 11)), {F(1, 2): 'x'}[0.5])
print(bool(F(0)), bool(F(1, 9)), F(3, 1) == 3, isinstance(F(1), numbers.Rational), issubclass(F, numbers.Real))
print(F(3141592653589793, 10 ** 15).limit_denominator(1000), F(1, 3).limit_denominator(2), F(5, 7).limit_denominator(), F('3.14159').limit_denominator(100), F(1, 2).limit_denominator(1))
show(lambda: F(1, 3).limit_denominator(0))
print(str(F(7, 3)), str(F(6, 3)), format(F(7, 3)), f'{F(1, 3):.5f}', f'{F(2, 3):>10}' if False else '')
for spec in ['', '.3f', '10.2f', '<10.3e', '%', '.2%', 'g', '.3g', '+.1f', ',.2f', '_.1f', '#.0f', 'e', 'E', 'G', '=+12.3f', '^12',
             '012.3f', 'z.1f', ' .2f', '*>10.1f', '.0f', '.20f', '.1e', 'd', '010>5f', '^+15.4e', '#g', '.0%', '08,.1f']:
    show(lambda: format(F(22, 7), spec))
    show(lambda: format(F(-1234567, 1000), spec))
print(format(F(5, 2), '.0f'), format(F(7, 2), '.0f'), format(F(-1, 1000), 'z.1f'), format(F(-1, 1000), '.1f'), format(F(0), 'e'), format(F(1, 10**30), 'g'), format(F(10**30), 'g'))
import copy
x = F(1, 7)
print(copy.copy(x) is x, copy.deepcopy(x) is x, x.__reduce__())
class MyF(F):
    pass
m = MyF(1, 2)
print(repr(m), type(m + 1).__name__, type(copy.copy(m)).__name__, repr(+m))
print(fractions.__all__)
