# circular imports: partially initialised modules
import mod_circ_a
print(mod_circ_a.from_b(), mod_circ_a.A_LATE)
import mod_circ_b
print(mod_circ_b.B_VALUE)

# from-import of a not-yet-defined name in a cycle fails
try:
    import mod_circ_c
except ImportError as e:
    print("ImportError:", str(e).split(" (/")[0], e.path.rsplit("/", 1)[-1])
