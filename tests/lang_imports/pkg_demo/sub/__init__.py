SUB_NAME = __name__
