from mod_circ_c import C_VALUE
D_VALUE = "d"
