# exception raised in a finally block while another is propagating
def cleanup():
    raise OSError("cleanup failed")

def work():
    try:
        raise ValueError("work failed")
    finally:
        cleanup()

print("working")
work()
