#!/usr/bin/env bash
# Runs one of the fuzzers that `make fuzz` / `make fuzz-exec` build (tests/fuzz/README.md)
# for SECONDS and reports its figures; exits 1 when it found a crash (saved under
# build/fuzz/crashes or build/fuzz/afl-out/default/crashes).
#
#   tools/fuzz.sh frontend SECONDS    libFuzzer on build/fuzz/fuzz_frontend
#   tools/fuzz.sh exec SECONDS        afl-fuzz over build/fuzz/gol-afl (gol --seed 1 -)
#   tools/fuzz.sh corpus              (re)builds build/fuzz/corpus only
#   tools/fuzz.sh sequences           replays tests/fuzz/sequences: each directory's files
#                                     in order through one process (faults of the sharing)
set -u
cd "$(dirname "$0")/.."
what=${1:?frontend or exec}
secs=${2:-60}
F=build/fuzz
dict=tests/fuzz/go.dict

# The corpus: every Go program of the tests, samples and conformance suite.
seed_corpus() {
    mkdir -p $F/corpus
    find tests samples ../shared/conformance \( -name '*.gol' -o -name '*.go' \) 2>/dev/null |
        while read -r f; do
            cp -n "$f" "$F/corpus/$(printf '%s' "$f" | md5sum | cut -c1-16)" 2>/dev/null
        done
}

case $what in
sequences)
    for d in tests/fuzz/sequences/*/; do
        env -u FUZZ_FRESH ASAN_OPTIONS=detect_leaks=0 $F/fuzz_frontend $(ls "$d"*.go | sort) >$F/sequence.log 2>&1 ||
            { tail -20 $F/sequence.log; echo "fuzz: sequence $d failed"; exit 1; }
    done
    echo "sequences: $(ls -d tests/fuzz/sequences/*/ | wc -l) passed"
    ;;
corpus)
    seed_corpus
    echo "corpus: $(ls $F/corpus | wc -l) files in $F/corpus"
    ;;
frontend)
    # One process at a time (libFuzzer's fork mode ran ~6x fewer inputs, merging the corpus
    # after every short job); one that reaches the RSS limit is started again until SECONDS
    # are spent (its heap grows again since main's changes of this session, cause unknown:
    # tests/fuzz/README.md). A crash or timeout ends the run. At nice 19: the machine is
    # shared.
    seed_corpus
    mkdir -p $F/crashes
    end=$((SECONDS + secs)) runs=0 ooms=0
    : >$F/frontend.log
    while [ $SECONDS -lt $end ]; do
        ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 \
            nice -n 19 $F/fuzz_frontend -dict=$dict -max_len=8192 \
            -timeout=20 -rss_limit_mb=2048 -malloc_limit_mb=1024 \
            -max_total_time=$((end - SECONDS)) -print_final_stats=1 -artifact_prefix=$F/crashes/ \
            $F/corpus 2>$F/frontend.last.log
        rc=$?
        cat $F/frontend.last.log >>$F/frontend.log
        ran=$(grep '^stat::number_of_executed_units' $F/frontend.last.log | awk '{print $2}')
        # (a run that ends while still loading the corpus prints no final stats: count
        # the inputs of its last progress line, a lower bound)
        [ -n "$ran" ] || ran=$(grep -o '^#[0-9]*' $F/frontend.last.log | tail -1 | tr -d '#')
        runs=$((runs + ${ran:-0}))
        grep -q 'libFuzzer: out-of-memory (used' $F/frontend.last.log || break
        ooms=$((ooms + 1))
        rm -f $F/crashes/oom-*
    done
    grep '^#[0-9]*.*cov' $F/frontend.log | tail -1
    grep '^==\|ERROR\|SUMMARY' $F/frontend.last.log | head -20
    echo "frontend: $runs inputs, $ooms restarts at the RSS limit"
    # (a slow unit is reported, not counted: the machine is shared)
    n=$(ls $F/crashes | grep -vc '^slow-unit-')
    [ "$n" = 0 ] || { echo "fuzz: frontend found $n crashes in $F/crashes (exit $rc)"; exit 1; }
    ;;
exec)
    # Small programs only: each run starts the runtime, and afl calibrates every seed.
    mkdir -p $F/exec-seeds
    find samples tests/lang -name '*.gol' -size -2k 2>/dev/null | sort | head -150 |
        while read -r f; do
            grep -q '^// \(args\|stdin\|skip\):\|// ERROR "' "$f" ||
                cp -n "$f" "$F/exec-seeds/$(printf '%s' "$f" | md5sum | cut -c1-16)"
        done
    resume=-
    [ -d $F/afl-out/default/queue ] || resume=$F/exec-seeds
    AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1 AFL_FAST_CAL=1 \
        AFL_NO_AFFINITY=1 AFL_SKIP_CRASHES=1 GOL_CPU_BUDGET_MS=1000 GOL_NO_GC=1 \
        ASAN_OPTIONS=detect_leaks=0:abort_on_error=1:symbolize=0 \
        nice -n 19 timeout $((secs + 120)) afl-fuzz -i $resume -o $F/afl-out -V "$secs" \
        -t 3000 -m none -x $dict -- $F/gol-afl --seed 1 - >$F/exec.log 2>&1
    rc=$?
    stats=$F/afl-out/default/fuzzer_stats
    [ -f $stats ] && grep '^\(execs_done\|execs_per_sec\|corpus_count\|saved_crashes\|saved_hangs\)' $stats
    [ -f $stats ] || { tail -20 $F/exec.log; echo "fuzz: afl-fuzz failed (exit $rc)"; exit 1; }
    n=$(grep '^saved_crashes' $stats | awk '{print $3}')
    [ "${n:-0}" = 0 ] || { echo "fuzz: exec found $n crashes in $F/afl-out/default/crashes"; exit 1; }
    ;;
*) echo "usage: tools/fuzz.sh frontend|exec SECONDS" >&2; exit 2 ;;
esac
