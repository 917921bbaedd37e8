# gc.freeze() moves every tracked object to the permanent generation;
# gc.unfreeze() moves them back to the oldest one.  Absolute numbers
# depend on what the interpreter tracks at start-up (CPython 3.12 starts
# with 375 deep-frozen objects in the permanent generation), so only the
# changes are printed.
import gc
gc.disable()
gc.collect()

base = gc.get_freeze_count()
keep = [[i] for i in range(100)]
tracked_before = len(gc.get_objects())
gc.freeze()
counts = gc.get_count()
gen1 = gc.get_objects(1)
gen2 = gc.get_objects(2)
frozen = gc.get_freeze_count() - base
print("frozen at least the 100 lists:", frozen >= 100)
print("everything tracked was frozen:", frozen >= tracked_before)
print("older generations are empty:", len(gen1), len(gen2))
print("counts reset:", counts)
print("frozen lists are not in get_objects():", not any(o is keep for o in gc.get_objects()))

# frozen objects are never collected
cyc = [keep]
cyc.append(cyc)
gc.freeze()
del cyc
print("collect() ignores the permanent generation:", gc.collect())
print("is_tracked still:", gc.is_tracked(keep))

after = gc.get_freeze_count()
gc.unfreeze()
print("unfreeze empties it:", gc.get_freeze_count())
print("moved to generation 2:", len(gc.get_objects(2)) >= after - base)
print("the frozen cycle is collected now:", gc.collect() >= 1)
gc.enable()
