print("mod_raises: about to fail")
RAISED_PARTIAL = 1
raise ValueError("error during module import")
