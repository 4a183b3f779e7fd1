#!/bin/sh
# Builds and runs tests/unit/sched_test.c with the fake VM (-DFAKE_VM): the real scheduler,
# channels, timers and sync natives driven by scripted goroutines. `make unit` cannot build
# this variant (it links the real VM). Usage:
#   tests/unit/sched_fake.sh          # gcc, Boehm GC
#   TSAN=1 tests/unit/sched_fake.sh   # clang -fsanitize=thread, malloc instead of libgc
set -e
cd "$(dirname "$0")/../.."
out=${OUT:-/tmp/sched_fake_test}
srcs="tests/unit/sched_test.c runtime/rtlock.c runtime/sudog.c runtime/g.c runtime/sched.c
      runtime/sched_runq.c runtime/sched_misc.c runtime/timer.c runtime/chan.c runtime/select.c
      runtime/sema.c runtime/gc.c runtime/pkg/sync.c"
flags="-std=c11 -g -Wall -Wextra -Wno-unused-parameter -D_GNU_SOURCE -pthread -DFAKE_VM
       -iquote src -iquote runtime"
if [ -n "$TSAN" ]; then
    clang $flags -O1 -fsanitize=thread -DGOL_MALLOC $srcs -lm -o "$out"
    TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" "$out"
else
    ${CC:-gcc} $flags -O2 $srcs -lgc -lm -o "$out"
    "$out"
fi
