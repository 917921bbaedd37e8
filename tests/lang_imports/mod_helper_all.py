# helper module with __all__
__all__ = ["exported", "also"]
exported = "E"
also = "A"
not_exported = "N"
_under = "U"
