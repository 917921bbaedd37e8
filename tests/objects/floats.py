vals = [0.1, 0.2, 0.3, 1/3, 2/3, 1e16, 1e15, 1e-4, 1e-5, 123.456, 1.0, 100.0,
        3.141592653589793, 2.718281828459045, 1e300 * 10, -0.0, 0.0, 5e-324,
        1.7976931348623157e308, 12345678901234567890.0, 0.30000000000000004]
for v in vals:
    print(repr(v), str(v))
print(float("inf"), float("-inf"), float("nan"))
print(1.5 + 2, 3 * 0.1, 10 / 3, 2 ** 0.5, 9 ** 0.5, (-8) ** (1/3) if False else 0)
print(round(2.675, 2), round(1e20), int(1e20), float(2 ** 60))
print(0.1 + 0.2 == 0.3, 0.5 == 1/2, float('nan') == float('nan'))
print([x / 10 for x in range(11)])
