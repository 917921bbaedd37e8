# The interactive prompt fed through a pipe (python3 -i): prompts and
# tracebacks go to stderr, values to stdout; `_` holds the last value.
py=$1
printf '%s\n' '1 + 1' '_ * 10' 'x = 6' 'x * 7' 'None' '_' '"text"' 'print("printed")' \
    'def twice(n):' '    return 2 * n' '' 'twice(21)' '1/0' 'print("still here")' \
    'import sys' 'sys.ps1 = "py> "' 'sys.ps2 = "  | "' '[1,' '2]' 'sys.ps1 = 42' '3' \
    | "$py" -i -q 2>&1
echo "exit $?"
