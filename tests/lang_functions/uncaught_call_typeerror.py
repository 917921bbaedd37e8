# uncaught TypeError from a bad call inside nested functions
def connect(host, port, *, timeout):
    return (host, port, timeout)

def setup(cfg):
    return connect(cfg["host"], cfg["port"], cfg["timeout"])

print(connect("h", 1, timeout=2))
setup({"host": "localhost", "port": 80, "timeout": 5})
