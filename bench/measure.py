"""Time and peak-memory measurement for bench/run.sh.

Each program runs `repeats` times under each interpreter; the best wall
time is kept (the least disturbed run) and the peak RSS comes from
wait4()'s rusage of that child.  Outputs of the two interpreters must
match, or the benchmark is reported as failing.
"""
import os, subprocess, sys

RUNONE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "build", "runone")


def run_rusage(cmd):
    """Run cmd through build/runone (a tiny forking wrapper, so the peak RSS
    is the child's own); return (seconds, stdout, exit code, peak RSS KiB)."""
    proc = subprocess.run([RUNONE] + cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    secs, rss, rc = proc.stderr.decode().split()[-3:]
    return float(secs), proc.stdout, int(rc), int(rss)

def main():
    refpy, cpython, repeats = sys.argv[1], sys.argv[2], int(sys.argv[3])
    progs = sys.argv[4:]
    refpy = os.path.abspath(refpy)
    import shutil
    cpython = shutil.which(cpython) or cpython
    print(f"{'benchmark':14} {'refpy s':>9} {'cpython s':>10} {'ratio':>7} {'refpy MB':>9} {'cpython MB':>11}  status")
    for prog in progs:
        best = {}
        outs = {}
        for name, exe in (("refpy", refpy), ("cpython", cpython)):
            times = []
            for _ in range(repeats):
                t, out, rc, rss = run_rusage([exe, prog])
                times.append((t, rss, rc))
                outs[name] = (out, rc)
            t, rss, rc = min(times)
            best[name] = (t, rss, rc)
        ok = outs["refpy"] == outs["cpython"] and outs["cpython"][1] == 0
        rt, rrss, _ = best["refpy"]
        ct, crss, _ = best["cpython"]
        print(f"{os.path.basename(prog):14} {rt:9.3f} {ct:10.3f} {rt / ct:7.2f} {rrss / 1024:9.1f} {crss / 1024:11.1f}  {'ok' if ok else 'OUTPUT DIFFERS'}")
    # Start-up: an empty program.
    empty = "/tmp/refpy_bench_empty.py"
    with open(empty, "w") as f:
        f.write("pass\n")
    res = {}
    for name, exe in (("refpy", refpy), ("cpython", cpython)):
        res[name] = min(run_rusage([exe, empty])[0::3] for _ in range(10))
    rt, rrss = res["refpy"]
    ct, crss = res["cpython"]
    print(f"{'startup':14} {rt:9.4f} {ct:10.4f} {rt / ct:7.2f} {rrss / 1024:9.1f} {crss / 1024:11.1f}  ok")
    print("ratio = refpy time / CPython 3.12 time (lower is better); MB = peak RSS")

main()
