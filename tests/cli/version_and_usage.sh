# Command-line behaviour shared with python3: -V, bad options, missing files.
py=$1
"$py" -V
"$py" --version
"$py" -z; echo "exit $?"
"$py" -c; echo "exit $?"
"$py" no_such_script.py 2>&1 | sed 's|^.*: can|PY: can|; s|/[^ ]*/no_such|DIR/no_such|'; echo "exit $?"
