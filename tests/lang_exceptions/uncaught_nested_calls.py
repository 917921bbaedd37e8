# uncaught exception deep in a call chain, through methods and lambdas
class Parser:
    def __init__(self, text):
        self.text = text
    def parse(self):
        return [self.item(t) for t in self.text.split(",")]
    def item(self, t):
        conv = lambda s: int(s)
        return conv(t.strip())

print(Parser("1, 2, 3").parse())
p = Parser("4, five")
result = p.parse()
print("not reached", result)
