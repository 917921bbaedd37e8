import dis

source = """
x = 1
y = x + 2
print(y)
if y > 2:
    z = [x, y]
else:
    z = None
"""
dis.dis(compile(source, "<demo>", "exec"))
dis.dis("a = b + 1")
