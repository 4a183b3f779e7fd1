# gol's one hand-written Makefile. Objects and generated sources live under build/.
#   make          build ./gol            make test    unit tests, tests/run.sh, samples
#   make run      build and run a sample make check   the suite under ASan+UBSan
#   make tsan     runtime tests under ThreadSanitizer    make bench   benchmark table
#   make lint     layers, thread-safety  make clean
#   make install  PREFIX=/usr/local, DESTDIR honoured   make uninstall
#   V=1           show the full commands (by default one short line per step: CC src/vm.c)

CC      ?= gcc
OPT     ?= -O2
WARN    := -Wall -Wextra -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
           -Wmissing-declarations -Wno-unused-parameter
CFLAGS  := -std=c11 $(OPT) -g $(WARN) -D_GNU_SOURCE -pthread -fno-math-errno $(EXTRA_CFLAGS)
GENFLAGS:= -std=c11 $(OPT) -g -D_GNU_SOURCE -pthread -fno-math-errno -Wno-unused-function $(EXTRA_CFLAGS)
LDLIBS  := -lgc -pthread

B       ?= build
SRC     := $(wildcard src/*.c runtime/*.c runtime/pkg/*.c)
OBJ     := $(SRC:%.c=$(B)/%.o) $(B)/gen/parser.o $(B)/gen/lexer.o $(B)/gen/pkgsrc.o \
           $(B)/gen/trace_page.o
DEP     := $(OBJ:.o=.d)
PKGGO   := $(wildcard runtime/pkg/*.go)
GOL     ?= ./gol

PREFIX  ?= /usr/local
BINDIR  := $(DESTDIR)$(PREFIX)/bin
MANDIR  := $(DESTDIR)$(PREFIX)/share/man/man1
BASHDIR := $(DESTDIR)$(PREFIX)/share/bash-completion/completions
LIBDIR  := $(DESTDIR)$(PREFIX)/lib/gol

ifeq ($(V),1)
Q   :=
say := @true
else
Q   := @
say := @printf '  %-5s %s\n'
endif

.PHONY: all run test check tsan lint bench clean deps fmt fmt-check unit install uninstall FORCE
.PHONY: fuzz fuzz-exec stress
all: $(GOL)

# ---- dependencies: installed when missing (as root), else the exact command is printed ----
DEPS_STAMP := build/.deps-ok
deps: $(DEPS_STAMP)
$(DEPS_STAMP):
	@tools/deps.sh
	@mkdir -p build && touch $@

$(GOL): $(DEPS_STAMP) $(OBJ)
	$(say) LD $@
	$(Q)$(CC) $(CFLAGS) -o $@ $(OBJ) $(LDLIBS)

# RE2 behind a C interface, loaded by package regexp with dlopen on first use (from the
# binary's directory), so that programs without regexp do not map libstdc++.
RE2SO   := $(dir $(GOL))libgolre2.so
$(GOL): | $(RE2SO)
$(RE2SO): runtime/re2/golre2.cc runtime/re2/golre2.h $(DEPS_STAMP)
	$(say) CXX $@
	$(Q)$(CXX) -std=c++17 $(OPT) -g -fPIC -shared -Wall -Wextra -o $@ $< -lre2

# Include paths by layer (docs/decisions.md, "Layers"): src/ sees src/ and runtime/; the
# runtime and its packages' natives see only runtime/, so a runtime file cannot include a
# src/ header by its bare name (tools/layers.sh catches "../src/" paths).
INC     = -iquote src -iquote runtime -iquote $(B)/gen
$(B)/runtime/%.o: INC = -iquote runtime

$(B)/%.o: %.c $(DEPS_STAMP) $(B)/gen/parser.h
	@mkdir -p $(dir $@)
	$(say) CC $<
	$(Q)$(CC) $(CFLAGS) $(INC) -MMD -MP -c $< -o $@

$(B)/gen/parser.c $(B)/gen/parser.h: grammar/parser.y $(DEPS_STAMP)
	@mkdir -p $(B)/gen
	$(say) BISON $<
	$(Q)bison -Wall -Werror --defines=$(B)/gen/parser.h -o $(B)/gen/parser.c $<

$(B)/gen/lexer.c: grammar/lexer.l $(B)/gen/parser.h $(DEPS_STAMP)
	@mkdir -p $(B)/gen
	$(say) FLEX $<
	$(Q)flex -o $@ $<

$(B)/gen/pkgsrc.c: $(PKGGO) tools/embed.sh
	@mkdir -p $(B)/gen
	$(say) EMBED "runtime/pkg/*.go"
	$(Q)tools/embed.sh $(PKGGO) > $@

# The gol trace page (HTML and JS kept as real files), embedded as C strings.
TRACEPAGE := runtime/trace/page.html runtime/trace/page.js
$(B)/gen/trace_page.c: $(TRACEPAGE) tools/embed_text.sh
	@mkdir -p $(B)/gen
	$(say) EMBED "runtime/trace/page.*"
	$(Q)tools/embed_text.sh $(TRACEPAGE) > $@

# The version gol reports (gol version): git's description of the source, rewritten only
# when it changes so that nothing is recompiled needlessly.
$(B)/gen/version.h: FORCE
	@mkdir -p $(B)/gen
	@v="#define GOL_VERSION \"devel-$$(git describe --always --dirty 2>/dev/null || echo unknown)\""; \
	  [ -f $@ ] && [ "$$(cat $@)" = "$$v" ] || echo "$$v" > $@
$(B)/src/cli.o: $(B)/gen/version.h

$(B)/gen/%.o: $(B)/gen/%.c
	$(say) CC $<
	$(Q)$(CC) $(GENFLAGS) -iquote src -iquote runtime -iquote $(B)/gen -MMD -MP -c $< -o $@

-include $(DEP)

# ---- running and testing ----
run: $(GOL)
	$(GOL) samples/hello.gol

# Unit tests (tests/unit/*_test.c, one harness: tests/unit/harness.h) link against libgol.a,
# every object but main.o.
UNIT_SRC := $(wildcard tests/unit/*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(B)/unit/%)
LIBOBJ   := $(filter-out $(B)/src/main.o,$(OBJ))
LIBGOL   := $(B)/libgol.a
UNITFLAGS = $(CFLAGS) -iquote src -iquote runtime -iquote $(B)/gen -MMD -MP -MF $@.d -MT $@

# fpmath_test compares gol's own Round, FMA, Ldexp... with the C library's.
$(B)/unit/fpmath_test: LDLIBS += -lm

$(LIBGOL): $(LIBOBJ)
	$(say) AR $@
	$(Q)rm -f $@ && $(AR) rcs $@ $(LIBOBJ)

$(B)/unit/%: tests/unit/%.c $(LIBGOL)
	@mkdir -p $(dir $@)
	$(say) LD $@
	$(Q)$(CC) $(UNITFLAGS) -o $@ $< $(LIBGOL) $(LDLIBS)

# The scheduler, channels, select, timers and sync natives driven by the fake VM of
# tests/unit/fake_vm.inc (sched_test.c with -DFAKE_VM), linked with exactly these runtime
# objects and no libgol.a: whatever else they come to need must be faked there, or the
# link, and so `make unit`, fails.
SCHED_FAKE_OBJ := $(addprefix $(B)/runtime/,rtlock.o sudog.o g.o sched.o sched_runq.o \
                    sched_misc.o cancel.o timer.o chan.o select.o sema.o gc.o pkg/sync.o \
                    trace.o detpolicy.o sched_det.o funcinfo.o arena.o gosize.o cstack.o)
UNIT_BIN += $(B)/unit/sched_fake
$(B)/unit/sched_fake: tests/unit/sched_test.c $(SCHED_FAKE_OBJ)
	@mkdir -p $(dir $@)
	$(say) LD $@
	$(Q)$(CC) $(UNITFLAGS) -DFAKE_VM -o $@ $< $(SCHED_FAKE_OBJ) $(LDLIBS)

# fmt calling String and Error methods: format_test.c with -DFORMAT_FAKES against the fakes
# of tests/unit/fakes (methods are natives, no VM) and exactly these objects, as above.
FORMAT_FAKE_OBJ := $(B)/tests/unit/fakes/format_fakes.o $(B)/runtime/typestr.o $(B)/src/object.o \
                   $(addprefix $(B)/runtime/,format.o format_methods.o format_printf.o \
                     format_rt.o fmtbase.o fmtsort.o numfmt.o numparse.o ryu.o quote.o \
                     isprint.o buf.o utf8.o str.o gc.o slice.o gosize.o value.o out.o cplx.o \
                     cstack.o)
UNIT_BIN += $(B)/unit/format_fakes
$(B)/unit/format_fakes: tests/unit/format_test.c $(FORMAT_FAKE_OBJ)
	@mkdir -p $(dir $@)
	$(say) LD $@
	$(Q)$(CC) $(UNITFLAGS) -DFORMAT_FAKES -iquote tests/unit/fakes -o $@ $< $(FORMAT_FAKE_OBJ) \
	  $(LDLIBS)

-include $(UNIT_BIN:=.d) $(B)/tests/unit/fakes/format_fakes.d

unit: $(UNIT_BIN)
	@for t in $(UNIT_BIN); do $$t || exit 1; done

test: $(GOL) unit
	$(Q)tools/layers.sh
	$(Q)tests/layers/run.sh
	$(Q)tests/run.sh $(GOL)
	$(Q)tests/scale/run.sh $(GOL)
	$(Q)tests/repl/run.sh $(GOL)
	$(Q)tests/disasm/run.sh $(GOL)
	$(Q)tests/trace/run.sh $(GOL)
	$(Q)tests/cli/run.sh $(GOL)
	$(Q)tests/net/run.sh $(GOL)
	$(Q)tests/vet/run.sh $(GOL)
	$(Q)tests/explore/run.sh $(GOL)
	$(Q)tests/gotest/run.sh $(GOL)
	$(Q)tests/conformance.sh $(GOL)

# The installed gol finds libgolre2.so (package regexp) in $(PREFIX)/lib/gol, compiled in:
# give make the same PREFIX to build and to install.
$(B)/runtime/pkg/regexp.o: CFLAGS += -DGOL_LIBDIR='"$(PREFIX)/lib/gol"'

install: $(GOL)
	install -d $(BINDIR) $(MANDIR) $(BASHDIR) $(LIBDIR)
	install -m 755 $(GOL) $(BINDIR)/gol
	install -m 644 $(RE2SO) $(LIBDIR)/libgolre2.so
	install -m 644 docs/gol.1 $(MANDIR)/gol.1
	install -m 644 tools/gol.bash $(BASHDIR)/gol

uninstall:
	rm -f $(BINDIR)/gol $(MANDIR)/gol.1 $(BASHDIR)/gol $(LIBDIR)/libgolre2.so
	-rmdir $(LIBDIR) 2>/dev/null

# ASan + UBSan, allocation routed to calloc (libgc and ASan do not coexist).
check: $(DEPS_STAMP)
	$(MAKE) B=build/asan GOL=./gol-asan OPT="-O1 -fno-omit-frame-pointer" \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -DGOL_MALLOC" \
	  ./gol-asan
	GOL_NO_GC=1 ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 TIMEOUT=60 tests/run.sh ./gol-asan
	GOL_NO_GC=1 ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1 TIMEOUT=60 REPEAT=20 tests/run.sh ./gol-asan tests/runtime

tsan: $(DEPS_STAMP)
	$(MAKE) B=build/tsan GOL=./gol-tsan OPT="-O1" CC=clang \
	  EXTRA_CFLAGS="-fsanitize=thread -DGOL_MALLOC" ./gol-tsan build/tsan/unit/sched_fake
	TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" build/tsan/unit/sched_fake
	for p in 1 2 8; do GOL_NO_GC=1 GOMAXPROCS=$$p TSAN_OPTIONS="halt_on_error=1 exitcode=86" \
	  tests/run.sh ./gol-tsan tests/runtime $(TSAN_RACE_TESTS) || exit 1; done

# tests/race's race-free programs exercise the detector's locking under ThreadSanitizer. The
# racy ones are left out: a data race in the Go program is one in the interpreter's memory
# too, which TSan reports (rightly) as soon as two threads interleave it.
TSAN_RACE_TESTS := $(wildcard tests/race/*_clean.gol) tests/race/many_goroutines.gol

# ---- fuzzing (tests/fuzz/README.md) ----
# The front end under libFuzzer with UBSan and the real collector: under ASan with
# allocation routed to calloc (GOL_MALLOC) nothing is ever freed, and a process that fuzzes
# keeps the library's checked packages (~120 MB) and forgets each input (check_share_std).
# build/fuzz/corpus is seeded from every .gol of tests/ and samples/ and the conformance
# programs. FUZZ_TIME=S runs it for S seconds after the build (0: build only).
FUZZ_B    := build/fuzz
FUZZ_TIME ?= 0
fuzz: $(DEPS_STAMP)
	$(MAKE) B=$(FUZZ_B)/obj GOL=$(FUZZ_B)/gol-fuzzlib CC=clang OPT="-O1 -fno-omit-frame-pointer" \
	  EXTRA_CFLAGS="-fsanitize=fuzzer-no-link,undefined -fno-sanitize-recover=undefined" \
	  $(FUZZ_B)/fuzz_frontend
	@tools/fuzz.sh corpus
	@tools/fuzz.sh sequences
	@[ "$(FUZZ_TIME)" = 0 ] || tools/fuzz.sh frontend $(FUZZ_TIME)
$(FUZZ_B)/fuzz_frontend: tests/fuzz/fuzz_frontend.c $(LIBOBJ)
	@mkdir -p $(dir $@)
	$(say) LD $@
	$(Q)$(CC) $(CFLAGS) -fsanitize=fuzzer -iquote src -iquote runtime -iquote $(B)/gen -o $@ \
	  $< $(LIBOBJ) $(LDLIBS)

# Execution under AFL++: gol itself built with afl-clang-fast, ASan and UBSan (each run is
# a fresh fork of the fork server, so GOL_MALLOC's never-freed memory does not accumulate),
# running the input as `gol --seed 1 -` (deterministic scheduler, virtual time) under a CPU
# budget (GOL_CPU_BUDGET_MS). Seeded with the same corpus. FUZZ_TIME=S runs it S seconds.
fuzz-exec: $(DEPS_STAMP)
	$(MAKE) B=$(FUZZ_B)/afl GOL=$(FUZZ_B)/gol-afl CC=afl-clang-fast OPT="-O1" AFL_QUIET=1 \
	  EXTRA_CFLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -DGOL_MALLOC" \
	  $(FUZZ_B)/gol-afl
	@[ "$(FUZZ_TIME)" = 0 ] || tools/fuzz.sh exec $(FUZZ_TIME)

# The concurrency tests many times: GOMAXPROCS 1, 2, 8 and random --seed runs (failures
# print the command with the seed that reproduces them); under ./gol-tsan too when built.
stress: $(GOL)
	tools/stress.sh $(GOL)

lint:
	@tools/layers.sh
	@for f in $(SRC); do clang -std=c11 -fsyntax-only -Wthread-safety -D_GNU_SOURCE \
	  -iquote src -iquote runtime -iquote $(B)/gen $$f || exit 1; done

bench: $(GOL)
	tools/bench.sh

fmt:
	clang-format -i $(SRC) $(wildcard src/*.h runtime/*.h)
fmt-check:
	clang-format --dry-run --Werror $(SRC) $(wildcard src/*.h runtime/*.h)

clean:
	rm -rf build gol gol-asan gol-tsan libgolre2.so
