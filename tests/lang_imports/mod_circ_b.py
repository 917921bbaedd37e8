print("mod_circ_b: start")
import mod_circ_a
print("mod_circ_b sees A_EARLY:", mod_circ_a.A_EARLY)
print("mod_circ_b sees A_LATE:", hasattr(mod_circ_a, "A_LATE"))
B_VALUE = "b-value"
print("mod_circ_b: end")
