# refpy -- GNU make build.
#
#   make          optimised interpreter: build/refpy
#   make debug    assertions + reference totals (-X showrefcount): build/debug/refpy
#   make asan     ASan+UBSan+LeakSanitizer build (small-object allocator
#                 bypassed), then the whole test suite under it
#   make test     build/refpy + the whole test suite ("N passed, N failed")
#   build/librefpy.a  the interpreter as a static library for embedders
#   make demo     build/refpy + the examples in examples/
#   make bench    benchmarks against CPython 3.12, same run (bench/README.md)

CC      ?= cc
PYTHON  ?= python3
SRCS    := $(sort $(wildcard src/*/*.c)) src/main.c
LIBPY   := $(sort $(wildcard lib/*.py))
WARN    := -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-cast-function-type -Wno-format-truncation
BASEFLAGS := -std=gnu11 $(WARN) -fno-strict-aliasing -fwrapv -Iinclude -Isrc/internal -DPy_BUILD_CORE
LDLIBS  := -lm

# Line editing for the REPL (optional): GNU readline, else libedit, when a
# compile probe finds one (Debian: libreadline-dev or libedit-dev).
rl_probe = $(shell printf '\043include <stdio.h>\n\043include <$(1)>\nint main(void){return readline("") != 0;}\n' | $(CC) -x c - -o /dev/null $(2) 2>/dev/null && echo yes)
ifeq ($(call rl_probe,readline/readline.h,-lreadline),yes)
BASEFLAGS += -DRP_HAVE_READLINE
LDLIBS  += -lreadline
else ifeq ($(call rl_probe,editline/readline.h,-ledit),yes)
BASEFLAGS += -DRP_HAVE_READLINE -DRP_HAVE_LIBEDIT
LDLIBS  += -ledit
endif

REL_CFLAGS  := $(BASEFLAGS) -O2 -DNDEBUG
DBG_CFLAGS  := $(BASEFLAGS) -O0 -g -DPy_DEBUG -DPy_REF_DEBUG
ASAN_FLAGS  := -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer
ASAN_CFLAGS := $(BASEFLAGS) -O1 -g $(ASAN_FLAGS) -DRP_NO_OBMALLOC -DRP_ASAN

REL_OBJS  := $(SRCS:%.c=build/obj/%.o) build/obj/frozen.o
DBG_OBJS  := $(SRCS:%.c=build/debug/obj/%.o) build/debug/obj/frozen.o
ASAN_OBJS := $(SRCS:%.c=build/asan/obj/%.o) build/asan/obj/frozen.o

HEADERS := $(wildcard include/*.h include/refpy/*.h include/refpy/*.def src/internal/*.h src/internal/*.def src/*/*.h)

.PHONY: all debug asan asan-build test test-debug demo bench clean
all: build/refpy

build/refpy: $(REL_OBJS)
	$(CC) $(REL_CFLAGS) -o $@ $^ $(LDLIBS)
build/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(REL_CFLAGS) -c $< -o $@

debug: build/debug/refpy
build/debug/refpy: $(DBG_OBJS)
	$(CC) $(DBG_CFLAGS) -o $@ $^ $(LDLIBS)
build/debug/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(DBG_CFLAGS) -c $< -o $@

asan-build: build/asan/refpy
build/asan/refpy: $(ASAN_OBJS)
	$(CC) $(ASAN_CFLAGS) -o $@ $^ $(LDLIBS)
build/asan/obj/%.o: %.c $(HEADERS)
	@mkdir -p $(dir $@)
	$(CC) $(ASAN_CFLAGS) -c $< -o $@

# lib/*.py are frozen into the binary as C byte arrays.
build/frozen.c: $(LIBPY) tools/freeze.sh
	@mkdir -p build
	sh tools/freeze.sh $(LIBPY) > $@
build/obj/frozen.o: build/frozen.c
	$(CC) $(REL_CFLAGS) -c $< -o $@
build/debug/obj/frozen.o: build/frozen.c
	@mkdir -p $(dir $@)
	$(CC) $(DBG_CFLAGS) -c $< -o $@
build/asan/obj/frozen.o: build/frozen.c
	@mkdir -p $(dir $@)
	$(CC) $(ASAN_CFLAGS) -c $< -o $@

# The interpreter as a static library for embedders (and tests/capi).
build/librefpy.a: $(filter-out build/obj/src/main.o,$(REL_OBJS))
	rm -f $@
	ar rcs $@ $^
	echo "$(filter-out -lm,$(LDLIBS))" > build/librefpy.ldlibs

test: build/refpy build/librefpy.a
	sh tools/runtests.sh build/refpy

test-debug: build/debug/refpy
	sh tools/runtests.sh build/debug/refpy

asan: build/asan/refpy build/librefpy.a
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=0:exitcode=86 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:exitcode=87 \
	sh tools/runtests.sh build/asan/refpy

demo: build/refpy
	sh examples/run_demo.sh build/refpy

bench: build/refpy build/runone
	sh bench/run.sh build/refpy
build/runone: bench/runone.c
	@mkdir -p build
	$(CC) -O2 -o $@ $<

clean:
	rm -rf build
