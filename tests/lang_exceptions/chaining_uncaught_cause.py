# uncaught exception with explicit cause
class ConfigError(Exception):
    pass

def read(d):
    try:
        return d["port"]
    except KeyError as e:
        raise ConfigError("port not configured") from e

print("reading")
read({})
