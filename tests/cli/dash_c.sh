# -c runs a command string with sys.argv = ['-c', ...].
py=$1
"$py" -c 'import sys; print(sys.argv)' one two
"$py" -c 'print(6 * 7)'
"$py" -c 'raise SystemExit(3)'; echo "exit $?"
"$py" -c 'import sys; sys.exit("bye")'; echo "exit $?"
"$py" -c '1/0'; echo "exit $?"
"$py" -c 'x = (' ; echo "exit $?"
"$py" -c 'print("ok")' -- -x; echo "exit $?"
