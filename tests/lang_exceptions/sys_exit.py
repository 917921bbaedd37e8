# SystemExit with a code: no traceback, exit status propagates
import sys

def cleanup():
    try:
        sys.exit(3)
    finally:
        print("finally runs on sys.exit")

try:
    sys.exit("message")
except SystemExit as e:
    print("caught", repr(e.code))
try:
    raise SystemExit
except SystemExit as e:
    print("caught", e.code)
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.code, e.args)

print("about to exit")
cleanup()
print("not printed")
