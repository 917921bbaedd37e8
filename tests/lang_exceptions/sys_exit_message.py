# sys.exit with a string: printed on stderr, exit status 1
import sys
print("bye")
sys.exit("fatal: configuration missing")
