# A script sees its arguments in sys.argv and its directory in sys.path[0].
py=$1
cat > /tmp/refpy_cli_args_$$.py <<'PYEOF'
import sys
print(sys.argv[1:])
print(sys.argv[0].endswith("args_test.py") or sys.argv[0].startswith("/tmp/"))
print(sys.path[0] == "/tmp")
print(__name__)
PYEOF
"$py" /tmp/refpy_cli_args_$$.py alpha "b c" 3
echo 'print("from stdin", 1 + 1)' | "$py" -
echo 'import sys; print(sys.argv)' | "$py" - x y
rm -f /tmp/refpy_cli_args_$$.py
