import sys
# The statistics go to stderr; only check that the call works here.
print(sys._debugmallocstats.__name__)
print(callable(sys._debugmallocstats))
