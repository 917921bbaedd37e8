from mod_circ_d import D_VALUE
C_VALUE = "c"
