/* main.c -- the command line, compatible with python3's.
 *
 *   refpy [options] script.py [args]   run a script as __main__
 *   refpy [options] -c command [args]  run a command string
 *   refpy [options] -m module [args]   run a module's __main__ (sys.path search)
 *   refpy [options] -                  read the program from stdin
 *   refpy                              interactive prompt (stdin a terminal)
 * Options: -V/--version, -h/--help, -X showrefcount (debug build), -u, -B,
 * -E, -s, -S, -I, -O, -q, -i (accepted for compatibility).  A bad option
 * prints python3's usage message and exits with status 2.
 */
#include "pycore.h"
#include "rp_state.h"
#include "rp_lifecycle.h"
#include "rp_modules.h"
#include <unistd.h>
#include <libgen.h>
#include <limits.h>
#include <signal.h>

static const char *progname = "refpy";

static const char usage_line[] =
    "usage: %s [option] ... [-c cmd | -m mod | file | -] [arg] ...\n";

static void
usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, fmt, arg);
    fprintf(stderr, usage_line, progname);
    fprintf(stderr, "Try `python -h' for more information.\n");
}

static void
print_help(void)
{
    printf(usage_line, progname);
    printf("Options (and corresponding environment variables):\n"
           "-c cmd : program passed in as string (terminates option list)\n"
           "-h     : print this help message and exit (also -? or --help)\n"
           "-i     : inspect interactively after running script\n"
           "-m mod : run library module as a script (terminates option list)\n"
           "-q     : don't print version and copyright messages on interactive startup\n"
           "-u     : force the stdout and stderr streams to be unbuffered\n"
           "-V     : print the Python version number and exit (also --version)\n"
           "-X opt : set implementation-specific option:\n"
           "         -X showrefcount: output the total reference count and number of used\n"
           "             memory blocks when the program finishes (debug build only)\n"
           "-B, -E, -s, -S, -I, -O : accepted for compatibility with python3\n"
           "file   : program read from script file\n"
           "-      : program read from stdin (default; interactive mode if a tty)\n"
           "arg ...: arguments passed to program in sys.argv[1:]\n\n"
           "Other environment variables:\n"
           "PYTHONPATH   : ':'-separated list of directories prefixed to the\n"
           "               default module search path.\n");
}

int
main(int argc, char **argv)
{
    const char *command = NULL, *module = NULL, *script = NULL;
    int i, inspect = 0, quiet = 0, unbuffered = 0, showrefcount = 0;
    int version = 0;
    const char *warnopts[32];
    int nwarnopts = 0;
    progname = argv[0];   /* CPython prints argv[0] as given in its messages */
    _Py_SetProgramName_rp(progname);

    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0) break;
        if (strcmp(a, "--") == 0) { i++; break; }
        if (strcmp(a, "--version") == 0) { version++; continue; }
        if (strcmp(a, "--help") == 0) { print_help(); return 0; }
        if (a[1] == '-') { usage_error("unknown option %s\n", a); return 2; }
        /* A cluster of single-letter options, e.g. -uB or -c<cmd>. */
        for (const char *p = a + 1; *p; p++) {
            char c = *p;
            if (c == 'c' || c == 'm' || c == 'X' || c == 'W') {
                const char *val = p[1] ? p + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (val == NULL) {
                    char opt[3] = {'-', c, 0};
                    usage_error("Argument expected for the %s option\n", opt);
                    return 2;
                }
                if (c == 'c') command = val;
                else if (c == 'm') module = val;
                else if (c == 'X') { if (strcmp(val, "showrefcount") == 0) showrefcount = 1; }
                else if (c == 'W') {
                    if (nwarnopts < (int)Py_ARRAY_LENGTH(warnopts)) warnopts[nwarnopts++] = val;
                }
                if (c == 'c' || c == 'm') { i++; goto args_done; }
                break;
            }
            switch (c) {
            case 'V': version++; break;
            case 'h': case '?': print_help(); return 0;
            case 'i': inspect = 1; break;
            case 'q': quiet = 1; break;
            case 'u': unbuffered = 1; break;
            case 'B': case 'E': case 's': case 'S': case 'I': case 'O': case 'd': case 'v':
            case 'b': case 'P': case 'R':
                break;
            default: {
                char opt[3] = {'-', c, 0};
                usage_error("Unknown option: %s\n", opt);
                return 2;
            }
            }
        }
    }
args_done:
    if (version) {
        /* -V prints what python3 -V prints; -VV adds the implementation. */
        if (version > 1) printf("Python 3.12.1 (refpy " REFPY_VERSION ")\n");
        else printf("Python 3.12.1\n");
        return 0;
    }
    if (command == NULL && module == NULL && i < argc) script = argv[i++];

    Py_Initialize();
    _PyInterpreterState_GET()->showrefcount = showrefcount;
    if (unbuffered || (getenv("PYTHONUNBUFFERED") && *getenv("PYTHONUNBUFFERED")))
        _PyIO_SetUnbuffered(1);
    _PySys_SetOrigArgv(argc, argv);
    PyObject *warnoptions = PySys_GetObject("warnoptions");
    for (int w = 0; w < nwarnopts; w++) {
        _PyWarnings_AddOption(warnopts[w]);
        PyObject *opt = PyUnicode_FromString(warnopts[w]);
        if (opt == NULL || warnoptions == NULL || !PyList_Check(warnoptions) ||
            PyList_Append(warnoptions, opt) < 0)
            PyErr_Clear();
        Py_XDECREF(opt);
    }
    if (inspect) {
        _PySys_SetFlag("inspect", 1);
        _PySys_SetFlag("interactive", 1);
    }

    int status;
    if (command != NULL) {
        /* sys.argv = ['-c', args...]; sys.path[0] = '' */
        char **nargv = malloc(sizeof(char *) * (size_t)(argc - i + 1));
        nargv[0] = "-c";
        for (int k = i; k < argc; k++) nargv[k - i + 1] = argv[k];
        _PySys_SetArgv(argc - i + 1, nargv);
        free(nargv);
        _PyImport_InsertPath0("");
        status = _PyRun_MainString(command, "<string>");
    }
    else if (module != NULL) {
        char **nargv = malloc(sizeof(char *) * (size_t)(argc - i + 1));
        nargv[0] = (char *)module;
        for (int k = i; k < argc; k++) nargv[k - i + 1] = argv[k];
        _PySys_SetArgv(argc - i + 1, nargv);
        free(nargv);
        char cwd[4096];
        _PyImport_InsertPath0(getcwd(cwd, sizeof cwd) ? cwd : "");
        status = _PyRun_Module(module);
    }
    else if (script != NULL && strcmp(script, "-") != 0) {
        _PySys_SetArgv(argc - i + 1, argv + i - 1);
        /* sys.path[0] is the script's directory, made absolute. */
        char *copy = strdup(script);
        char *dir = dirname(copy);
        char resolved[4096];
        if (realpath(dir, resolved) != NULL) _PyImport_InsertPath0(resolved);
        else _PyImport_InsertPath0(dir);
        free(copy);
        status = _PyRun_MainFile(script);
    }
    else {
        char **nargv = malloc(sizeof(char *) * (size_t)(argc - i + 2));
        nargv[0] = script ? "-" : "";
        for (int k = i; k < argc; k++) nargv[k - i + 1] = argv[k];
        _PySys_SetArgv(argc - i + 1, nargv);
        free(nargv);
        _PyImport_InsertPath0("");
        if (isatty(0) || inspect) {
            if (!quiet)
                fprintf(stderr, "Python 3.12.1 (refpy " REFPY_VERSION ") on linux\n"
                                "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n");
            status = _PyRun_InteractiveLoop();
        }
        else {
            status = _PyRun_MainFile("-");
        }
    }
    if (inspect && (command || module || script)) status = _PyRun_InteractiveLoop();
    if (Py_FinalizeEx() < 0 && status == 0) status = 120;
    if (_PyRun_KeyboardInterrupted()) {
        /* Like CPython: die from SIGINT so the parent sees the signal. */
        signal(SIGINT, SIG_DFL);
        kill(getpid(), SIGINT);
    }
    return status;
}
