#!/bin/sh
# Builds and runs tests/unit/sched_test.c with the fake VM (-DFAKE_VM): the real scheduler,
# channels, timers and sync natives driven by scripted goroutines. `make unit` (and so `make
# test`) builds and runs it as build/unit/sched_fake; this script is the way to run it alone,
# or under ThreadSanitizer (objects under build/tsan, malloc instead of libgc). Usage:
#   tests/unit/sched_fake.sh          # gcc, Boehm GC
#   TSAN=1 tests/unit/sched_fake.sh   # clang -fsanitize=thread
set -e
cd "$(dirname "$0")/../.."
if [ -n "$TSAN" ]; then
    make -j2 B=build/tsan CC=clang OPT=-O1 EXTRA_CFLAGS="-fsanitize=thread -DGOL_MALLOC" \
        build/tsan/unit/sched_fake
    TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1" build/tsan/unit/sched_fake
else
    make -j2 build/unit/sched_fake
    build/unit/sched_fake
fi
