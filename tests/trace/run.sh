#!/usr/bin/env bash
# gol trace in a real browser: for every sample and the programs here, `gol trace --seed 7`
# must leave the program's stdout and exit status as `gol --seed 7` has them, write the same
# trace twice, and give a page that headless Chromium renders (<body data-trace-status="ok">, set
# only when the script ran to its end) with one data-goroutine lane per goroutine the JSON
# log records and a data-thread lane, and whose #selftest (hover and click across the
# lanes at three zoom levels, pan, click a label and an output line) ends without error. Then the scale check: 100,000 goroutines (800,000
# events) must load within a bound (the page's own measure, data-load-ms). Without chromium the browser checks are skipped (a failure under
# CI=true).
#   tests/trace/run.sh [GOL]
set -u
gol=$(cd "$(dirname "${1:-./gol}")" && pwd)/$(basename "${1:-./gol}")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/goltrace.XXXXXX")
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "tests/trace: chromium not installed (apt-get install chromium): browser checks skipped"
    [ "${CI:-}" = true ] && exit 1
fi

bad() { fail=$((fail + 1)); echo "FAIL trace/$1: $2"; }

# The DOM of [page] (a file, with an optional #fragment) after its scripts ran, or empty.
dom() {
    timeout -k 5 90 "$browser" --headless --no-sandbox --disable-gpu --disable-extensions \
        --user-data-dir="$work/profile" --virtual-time-budget=10000 --dump-dom \
        "file://$1" 2>/dev/null
}

# check_page NAME PAGE JSON [FRAGMENT]: the page renders, with the lanes the JSON log
# implies; with FRAGMENT "selftest", its interactive self-test passes too.
check_page() {
    local name=$1 page=$2 json=$3 frag=${4:-}
    [ -n "$browser" ] || return 0
    dom "$page${frag:+#$frag}" >"$work/dom"
    if ! grep -q '<body data-trace-status="ok"' "$work/dom"; then
        bad "$name" "page did not render: $(grep -o '<body[^>]*>' "$work/dom" | head -1)"
        return 1
    fi
    if [ "$frag" = selftest ] && ! grep -q 'data-selftest="ok' "$work/dom"; then
        bad "$name" "the page's self-test did not finish: $(grep -o '<body[^>]*>' "$work/dom" | head -1)"
        return 1
    fi
    # GoCreate is kind 0: every goroutine has one event [t,0,...].
    local want got
    want=$(grep -o '\[[0-9]*,0,' "$json" | wc -l)
    got=$(grep -o 'data-goroutine="[0-9]*"' "$work/dom" | sort -u | wc -l)
    if [ "$want" != "$got" ] || [ "$got" -lt 1 ]; then
        bad "$name" "$got goroutine lanes, want $want"
        return 1
    fi
    if ! grep -q 'data-thread="[0-9]*"' "$work/dom"; then
        bad "$name" "no thread lane"
        return 1
    fi
    return 0
}

# trace_one NAME FILE [MIN_GOROUTINES]
trace_one() {
    local name=$1 src=$2 min=${3:-1} rc_plain rc_trace
    (cd "$work" && timeout -k 5 60 "$gol" --seed 7 "$src" </dev/null >"$work/plain.out" 2>/dev/null)
    rc_plain=$?
    (cd "$work" && timeout -k 5 60 "$gol" trace --seed 7 -o "$work/$name.json" "$src" \
        </dev/null >"$work/trace.out" 2>/dev/null)
    rc_trace=$?
    if [ "$rc_plain" != "$rc_trace" ]; then
        bad "$name" "exit status $rc_trace under trace, $rc_plain without"
        return
    fi
    if ! cmp -s "$work/plain.out" "$work/trace.out"; then
        bad "$name" "stdout under trace differs from gol --seed 7's"
        return
    fi
    (cd "$work" && timeout -k 5 60 "$gol" trace --seed 7 -o "$work/$name.html" "$src" \
        </dev/null >/dev/null 2>&1)
    (cd "$work" && timeout -k 5 60 "$gol" trace --seed 7 -o "$work/$name.2.json" "$src" \
        </dev/null >/dev/null 2>&1)
    if ! cmp -s "$work/$name.json" "$work/$name.2.json"; then
        bad "$name" "two traces under --seed 7 differ"
        return
    fi
    local n
    n=$(grep -o '\[[0-9]*,0,' "$work/$name.json" | wc -l)
    if [ "$n" -lt "$min" ]; then
        bad "$name" "$n goroutines in the log, want at least $min"
        return
    fi
    check_page "$name" "$work/$name.html" "$work/$name.json" selftest && pass=$((pass + 1))
}

for f in "$root"/samples/*.gol; do
    name=$(basename "$f" .gol)
    case $name in
    say) min=2 ;;         # main and say("world")
    worker_pool) min=5 ;; # main, three workers and the closer
    *) min=1 ;;
    esac
    trace_one "$name" "$f" "$min"
done
for f in "$here"/*.gol; do
    trace_one "$(basename "$f" .gol)" "$f" 1
done

# The default file name, a real-time trace (no --seed), and -o in the current directory.
(cd "$work" && timeout -k 5 60 "$gol" trace "$root/samples/say.gol" >/dev/null 2>&1)
if [ ! -f "$work/say.trace.html" ]; then
    bad default-name "no say.trace.html in the current directory"
elif (cd "$work" && timeout -k 5 60 "$gol" trace -o say.json "$root/samples/say.gol" \
      >/dev/null 2>&1) && check_page realtime "$work/say.trace.html" "$work/say.json"; then
    pass=$((pass + 1))
fi

# The command line: usage errors, a file that cannot be created (before the program runs),
# a program that does not compile (no trace), the default name of a program read from stdin.
# cli NAME STATUS REGEXP CMD...: stdout+stderr must match REGEXP, the status be STATUS.
cli() {
    local name=$1 status=$2 re=$3 rc
    shift 3
    (cd "$work" && timeout -k 5 30 "$@") >"$work/cli.out" 2>&1 </dev/null
    rc=$?
    if [ "$rc" != "$status" ]; then
        bad "cli-$name" "exit status $rc, want $status: $(head -3 "$work/cli.out")"
    elif ! grep -qE -- "$re" "$work/cli.out"; then
        bad "cli-$name" "no line matching /$re/: $(head -3 "$work/cli.out")"
    else
        pass=$((pass + 1))
    fi
}
cli no-program 2 '^gol: trace: no program given$' "$gol" trace
cli o-without-trace 2 '^flag provided but not defined: -o$' "$gol" -o x.json "$root/samples/hello.gol"
cli bad-path 1 '^gol: open /nonexistent/x.html: No such file or directory$' \
    "$gol" trace -o /nonexistent/x.html "$root/samples/hello.gol"
if grep -q hello "$work/cli.out"; then bad cli-bad-path "the program ran"; fi
printf 'package main\n\nfunc main() { x := 1 }\n' >"$work/broken.go"
cli compile-error 1 'declared and not used: x' "$gol" trace broken.go
if [ -e "$work/broken.trace.html" ]; then bad cli-compile-error "a trace was written"; fi
printf 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hi") }\n' >"$work/stdin.go"
(cd "$work" && "$gol" trace - <stdin.go >"$work/cli.out" 2>&1)
if [ "$(head -1 "$work/cli.out")" = hi ] && [ -s "$work/prog.trace.html" ] &&
    grep -q '^gol trace: [0-9]* events written to prog.trace.html$' "$work/cli.out"; then
    pass=$((pass + 1))
else
    bad cli-stdin "want hi and prog.trace.html: $(cat "$work/cli.out")"
fi

# Scale: 100,000 goroutines (each created, run and ended, with a channel hand-off) must
# load in a bounded time: the page must aggregate and virtualise rather than draw it all.
if [ -n "$browser" ]; then
    cat >"$work/many.go" <<'EOF'
package main

import (
	"fmt"
	"sync"
)

func main() {
	c := make(chan int)
	var wg sync.WaitGroup
	for i := 0; i < 100000; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			c <- i
		}(i)
	}
	go func() {
		wg.Wait()
		close(c)
	}()
	s := 0
	for v := range c {
		s += v
	}
	fmt.Println(s)
}
EOF
    (cd "$work" && timeout -k 5 120 "$gol" trace --seed 1 -o many.json many.go >/dev/null 2>&1 &&
        timeout -k 5 120 "$gol" trace --seed 1 -o many.html many.go >/dev/null 2>&1)
    if check_page scale-100k "$work/many.html" "$work/many.json"; then
        ms=$(grep -o 'data-load-ms="[0-9]*"' "$work/dom" | grep -o '[0-9]*')
        if [ -z "$ms" ] || [ "$ms" -gt "${GOL_TRACE_SCALE_MS:-15000}" ]; then
            bad scale-100k "the page took $ms ms to load"
        else
            pass=$((pass + 1))
            echo "tests/trace: 100,000 goroutines ($(wc -c <"$work/many.html") bytes) loaded in $ms ms"
        fi
    fi
fi

echo "tests/trace/run.sh: $pass passed, $fail failed"
[ "$fail" = 0 ]
