#!/usr/bin/env bash
# The REPL's tests, both ways a user meets it:
#   pipe:     each cases/NAME.in is fed to `gol` on stdin (no terminal: no prompts) and its
#             stdout+stderr must equal cases/NAME.out. Outputs that vary between runs are
#             normalised first: goroutine ids, :time durations, :disasm instruction lines,
#             library source lines and line numbers, register counts. Values printed come
#             from real Go (cases/values.go is the oracle of values.in; the others were
#             checked against equivalent Go programs).
#   terminal: gol runs in a tmux session (a real pseudo-terminal); the script types keys
#             with `send-keys` and waits (polling `capture-pane`, up to a few seconds) for
#             the screen to show what it should: multi-line input, goroutine output while a
#             line is being typed, Ctrl-C, errors and panics, history across sessions, Tab.
#             Skipped when tmux is not installed.
#   tests/repl/run.sh [GOL]      prints `repl: N passed, M failed`; exits non-zero on a failure.
set -u
gol=${1:-./gol}
case $gol in /*) ;; *) gol="$(pwd)/$gol" ;; esac
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d "${TMPDIR:-/tmp}/golrepl.XXXXXX")
sock="gol-repl-test-$$"
trap 'tmux -L "$sock" kill-server 2>/dev/null; rm -rf "$work"' EXIT
pass=0 fail=0

ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $1"; shift; [ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/  /'; }

normalise() {
    sed -E -e 's/goroutine [0-9]+/goroutine N/g' \
        -e 's/^took [0-9.]+(ns|µs|ms|s)$/took D/' \
        -e '/^ +[0-9]+ +[A-Z][A-Z0-9_]*( |$)/d' \
        -e '/^[a-z_0-9]+\.go:[0-9]+  /d' \
        -e 's/ \(([a-z_0-9]+\.go):[0-9]+\):/ (\1:N):/' \
        -e 's|^\t(runtime/pkg/[a-z_0-9]+\.go):[0-9]+:[0-9]+$|\t\1:N|' \
        -e 's/[0-9]+ registers/N registers/'
}

# ---- pipe mode ----
for in in "$here"/cases/*.in; do
    name=$(basename "$in" .in)
    (cd "$here/cases" && HOME="$work" timeout -k 2 20 "$gol" <"$in" >"$work/$name.raw" 2>&1)
    normalise <"$work/$name.raw" >"$work/$name.got"
    if diff -q "$here/cases/$name.out" "$work/$name.got" >/dev/null; then ok
    else bad "pipe $name: output differs" "$(diff "$here/cases/$name.out" "$work/$name.got" | head -20)"; fi
done

# Exit status: 1 when an input failed, 0 otherwise; `gol -` runs a whole program.
echo '1 + 1' | "$gol" >/dev/null 2>&1 && ok || bad "pipe: exit status 0 expected"
echo 'nosuch' | "$gol" >/dev/null 2>&1; [ $? -eq 1 ] && ok || bad "pipe: exit status 1 expected"
out=$(printf 'package main\nfunc main() { println("whole") }\n' | "$gol" - 2>&1)
[ "$out" = whole ] && ok || bad "gol -: got '$out'"

# ---- terminal mode (tmux) ----
if ! command -v tmux >/dev/null; then
    echo "repl: skipped the terminal tests (tmux-driven: Ctrl-C, Tab, paste, history): no tmux"
    [ "${CI:-}" = true ] && { echo "repl: CI=true: a skipped test is a failure (.ci/run installs tmux)"; fail=$((fail + 1)); }
    echo "repl: $pass passed, $fail failed"
    [ $fail -eq 0 ]
    exit
fi

T() { tmux -L "$sock" "$@"; }
screen() { T capture-pane -t repl -p; }

start() { # start a session; wait for the first prompt
    # A second session keeps the server alive: killing the last one makes it exit while the
    # next new-session may already be talking to it ("no server running", seen under load).
    T has-session -t keep 2>/dev/null || T -f /dev/null new-session -d -s keep 'sleep 3600'
    T kill-session -t repl 2>/dev/null
    T new-session -d -s repl -x 100 -y 40 \
        "cd '$here/cases' && HOME='$work' GOMAXPROCS=4 '$gol'; sleep 30"
    wait_for '^> ?$' || bad "tty: no prompt" "$(screen)"
}

wait_for() { # wait_for REGEX: until a screen line matches (15 s at most: CI may be busy)
    for _ in $(seq 300); do
        screen | grep -qE -- "$1" && return 0
        sleep 0.05
    done
    return 1
}

check() { # check NAME REGEX: the screen shows a matching line
    if wait_for "$2"; then ok; else bad "tty $1: no line matching /$2/" "$(screen)"; fi
}

keys() { T send-keys -t repl "$@"; }

wait_prompt() { # until the last non-empty screen line is an empty prompt
    for _ in $(seq 100); do
        screen | grep -v '^$' | tail -1 | grep -qE '^> ?$' && return 0
        sleep 0.05
    done
    return 1
}

# Multi-line function definition, then a call.
start
keys 'func fact(n int) int {' Enter
check "continuation prompt" '^\.\.\. ?$'
keys 'if n <= 1 { return 1 }' Enter 'return n * fact(n-1)' Enter '}' Enter
keys 'fact(10)' Enter
check "multi-line func" '^3628800$'

# A goroutine printing while a line is typed: its output goes above the prompt, and the
# prompt line is redrawn with what was typed so far.
keys 'go func() { for i := range 3 { time.Sleep(200 * time.Millisecond); fmt.Println("tick", i) } }()' Enter
wait_prompt
keys 'partial := 40'
check "background output" '^tick 2$'
if screen | grep -A1 '^tick 2$' | tail -1 | grep -qx '> partial := 40'; then ok
else bad "tty prompt not redrawn below the output" "$(screen)"; fi
if screen | grep -q 'partial := 40.*tick\|tick.*partial'; then bad "tty output garbled" "$(screen)"; else ok; fi
keys ' + 2' Enter 'partial' Enter
check "typed line intact" '^42$'

# Ctrl-C interrupts a running statement; the state survives.
keys 'spins := 0' Enter 'for {}' Enter
sleep 0.3
keys C-c
check "interrupted" '^interrupted$'
keys 'for { spins++ }' Enter
sleep 0.3
keys C-c
wait_prompt
keys 'spins > 0' Enter
check "after Ctrl-C" '^true$'

# Ctrl-C really stops a blocked statement: its goroutine is unwound (deferred calls run)
# and taken off the wait queue, so it never resumes. A sleeping goroutine keeps the
# runtime from reporting a deadlock meanwhile.
keys 'go func() { for { time.Sleep(time.Hour) } }()' Enter
keys 'func nap() { defer fmt.Println("nap deferred"); time.Sleep(3 * time.Second) }' Enter
keys 'nap()' Enter
sleep 0.3
keys C-c
sleep 0.5 # well before the sleep would have ended
if screen | grep -q '^nap deferred$'; then ok; else bad "tty Ctrl-C: deferred call not run at once" "$(screen)"; fi
wait_prompt
keys 'time.Sleep(1500 * time.Millisecond); fmt.Println("late!")' Enter
sleep 0.3
keys C-c
sleep 1.6
if screen | grep -q '^late!$'; then bad "tty Ctrl-C: the sleep resumed" "$(screen)"; else ok; fi
keys 'c2 := make(chan int)' Enter 'v := <-c2' Enter
sleep 0.3
keys C-c
wait_prompt
keys 'go func() { c2 <- 5 }()' Enter 'time.Sleep(100 * time.Millisecond)' Enter 'v' Enter
check "abandoned receive took nothing" '^0$'
keys '<-c2 + 100' Enter
check "value still there" '^105$'
keys 'var mu sync.Mutex' Enter 'mu.Lock()' Enter 'mu.Lock()' Enter
sleep 0.3
keys C-c
wait_prompt
keys 'mu.Unlock()' Enter 'time.Sleep(100 * time.Millisecond)' Enter 'mu.TryLock()' Enter
check "abandoned Lock did not acquire" '^true$'
keys 'func selw() { defer fmt.Println("select deferred"); select { case <-c2: case <-time.After(time.Hour): } }' Enter
keys 'selw()' Enter
sleep 0.3
keys C-c
check "Ctrl-C in select" '^select deferred$'
wait_prompt
keys 'var cmu sync.Mutex' Enter 'cnd := sync.NewCond(&cmu)' Enter
keys 'func cw() { defer fmt.Println("cond deferred"); cmu.Lock(); cnd.Wait() }' Enter 'cw()' Enter
sleep 0.3
keys C-c
check "Ctrl-C in Cond.Wait" '^cond deferred$'
wait_prompt
keys 'go func() { cmu.Lock(); cnd.Wait(); fmt.Println("signalled"); cmu.Unlock() }()' Enter
keys 'time.Sleep(100 * time.Millisecond)' Enter 'cnd.Signal()' Enter
check "Signal after a cancelled Wait" '^signalled$'

# Ctrl-C takes a goroutine parked in the network poller ([IO wait]) off its socket: the
# deferred call runs at once and the next Accept gets the connection.
keys 'ln, _ := net.Listen("tcp", "127.0.0.1:0")' Enter
keys 'func acc() { defer fmt.Println("accept deferred"); ln.Accept() }' Enter
keys 'acc()' Enter
sleep 0.3
keys C-c
check "Ctrl-C in Accept" '^accept deferred$'
wait_prompt
keys 'go func() { c, _ := net.Dial("tcp", ln.Addr().String()); c.Write([]byte("hi")) }()' Enter
keys 'c, _ := ln.Accept()' Enter 'b := make([]byte, 2)' Enter 'n, _ := c.Read(b)' Enter
keys 'string(b[:n])' Enter
check "Accept after Ctrl-C" '^"hi"$'

# :reset ends every goroutine: three busy loops stop burning CPU.
keys 'for range 3 { go func() { for {} }() }' Enter
wait_prompt
keys ':goroutines' Enter
check ":goroutines shows running" '^goroutine [0-9]+ \[running\]:$'
keys ':reset' Enter
wait_prompt
sleep 0.3
pid=$(pgrep -P "$(T display -p -t repl '#{pane_pid}')" -x gol | head -1)
ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
t0=$(ticks); sleep 1; t1=$(ticks)
if [ -n "$pid" ] && [ $((t1 - t0)) -lt 30 ]; then ok
else bad "tty :reset: gol still uses CPU ($((t1 - t0)) ticks in 1 s)"; fi
keys ':goroutines' Enter
check ":reset ended all" '^no goroutines$'

# Ctrl-C on an input being typed drops it.
keys 'for {' Enter 'dropped'
keys C-c
wait_prompt
keys '"fresh"' Enter
check "dropped input" '^"fresh"$'

# A panic and a compile error, each followed by a working input.
keys 'var none []int' Enter 'none[3]' Enter
check "panic" 'index out of range \[3\] with length 0'
keys 'len(none)' Enter
check "after panic" '^0$'
keys 'none = nosuch' Enter
check "compile error" 'undefined: nosuch'
keys 'none = append(none, 7); none' Enter
check "after compile error" '^\[7\]$'

# Tab completion of package members and commands.
keys 'strings.ToUp' Tab
check "completion" '^> strings\.ToUpper$'
keys '("go")' Enter
check "completed call" '^"GO"$'
keys ':go' Tab Enter
check "command completion" '^goroutine [0-9]+ \['

# Tab indents (start of a line, after white space, inside a string) instead of completing.
keys 'func greet(name string) string {' Enter Tab 'return "hi' Tab '" + name' Enter '}' Enter
keys 'greet("bob")' Enter
check "tab in a string literal" '^"hi\\tbob"$'
# Pasting gofmt'ed (tab-indented) code: bracketed paste, no completion lists.
printf 'func add(a, b int) int {\n\tif a > 0 {\n\t\treturn a + b\n\t}\n\treturn b\n}\n' >"$work/paste.txt"
T load-buffer "$work/paste.txt"
T paste-buffer -p -t repl
keys 'add(2, 3)' Enter
check "pasted code" '^5$'
if screen | grep -qE 'append +cap'; then bad "tty paste: a completion list was shown" "$(screen)"; else ok; fi
# A multi-line input is one history entry, recalled whole: after :reset forgot it, Up Up
# brings the whole declaration back and Enter declares it again.
keys 'func shout() string {' Enter 'return "loud"' Enter '}' Enter ':reset' Enter
wait_prompt
keys Up Up
sleep 0.3
if screen | grep -v '^$' | tail -3 | tr '\n' '|' | grep -qE '^> func shout\(\) string \{\|[[:space:]]*return "loud"\|\}\|$'; then ok
else bad "tty multi-line history entry not recalled whole" "$(screen)"; fi
keys Enter 'shout()' Enter
check "recalled multi-line input runs" '^"loud"$'

# Ctrl-D on an empty line quits; the history survives into the next session.
keys '"remember me"' Enter
check "history entry" '^"remember me"$'
keys C-d
sleep 0.3
start
keys Up
check "history recall" '^> "remember me"$'
keys Enter
check "recalled line runs" '^"remember me"$'

echo "repl: $pass passed, $fail failed"
[ $fail -eq 0 ]
