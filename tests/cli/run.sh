#!/usr/bin/env bash
# The command line's tests: programs of several files, directories (build constraints) and
# modules (local packages, init order, the go line's loop variables, import cycles,
# unexported names, third-party imports) under tests/programs/, with outputs from real Go
# (go1.23; `# pkg` header lines dropped); shebang scripts; version, help and flag errors; a
# closed stdout pipe, /dev/full and memory limits;
# `make install DESTDIR=...` then the installed gol on a sample, and `make uninstall`.
#   tests/cli/run.sh [GOL]      prints `cli: N passed, M failed`; exits non-zero on a failure.
set -u
gol=${1:-./gol}
case $gol in /*) ;; *) gol="$(pwd)/$gol" ;; esac
root=$(cd "$(dirname "$0")/../.." && pwd)
P=$root/tests/programs
work=$(mktemp -d "${TMPDIR:-/tmp}/golcli.XXXXXX")
trap 'rm -rf "$work"' EXIT
pass=0 fail=0

bad() { fail=$((fail + 1)); echo "FAIL cli $1"; shift; [ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/  /'; }

# expect NAME STATUS WANTFILE DIR CMD...: run CMD in DIR; stdout+stderr must equal WANTFILE
# (or, when WANTFILE starts with ~, match that extended regexp) and the status STATUS.
expect() {
    local name=$1 status=$2 want=$3 dir=$4 rc
    shift 4
    (cd "$dir" && timeout -k 2 20 "$@") >"$work/out" 2>&1
    rc=$?
    if [ "$rc" != "$status" ]; then
        bad "$name: exit status $rc, want $status" "$(head -20 "$work/out")"
    elif [ "${want:0:1}" = "~" ]; then
        if grep -qE -- "${want:1}" "$work/out"; then pass=$((pass + 1))
        else bad "$name: no line matching /${want:1}/" "$(head -20 "$work/out")"; fi
    elif diff -q "$want" "$work/out" >/dev/null; then pass=$((pass + 1))
    else bad "$name: output differs" "$(diff "$want" "$work/out" | head -20)"; fi
}

# ---- programs of several files, directories, modules ----
printf 'MULTI [x -y --z=1]\n2 two files\n' >"$work/multi.want"
expect multi-file 0 "$work/multi.want" "$P/multi" "$gol" main.go helper.go x -y --z=1
expect multi-file-run 0 "$work/multi.want" "$P/multi" "$gol" run main.go helper.go x -y --z=1
# (gol names a file given on the command line as typed; go prefixes ./ to one in the cwd)
sed 's|^\./||' "$P/multierr.err" >"$work/multierr.want"
expect multi-file-imports-per-file 1 "$work/multierr.want" "$P/multierr" "$gol" main.go helper.go
echo 'dir: linux extra_linux.go' >"$work/dir.want"
expect dir 0 "$work/dir.want" "$P" "$gol" dirpkg
expect dir-dot 0 "$work/dir.want" "$P/dirpkg" "$gol" .
expect dir-check 0 /dev/null "$P/dirpkg" "$gol" check .
expect malformed-go-build-line 1 "$P/badtag.err" "$P/badtag" "$gol" .
expect build-ignore-file-run-alone 0 '~^generator$' "$P/dirpkg" "$gol" gen.go
expect mixed-packages 1 "~^found packages main \(main.go\) and other \(other.go\) in $P/mixed\$" \
    "$P/mixed" "$gol" .
expect not-a-dir 1 '~^stat .*/nosuch: directory not found$' "$P" "$gol" nosuch
mkdir -p "$work/empty"
expect empty-dir 1 "~^no Go files in $work/empty\$" "$work" "$gol" empty
expect module 0 "$P/mod.out" "$P/mod" "$gol" .
expect module-from-file 0 "$P/mod.out" "$P/mod" "$gol" main.go
expect module-from-parent 0 "$P/mod.out" "$P" "$gol" mod
expect module-go1.21-loopvars 0 "$P/mod121.out" "$P/mod121" "$gol" .
expect module-generic-package 0 "$P/modgen.out" "$P/modgen" "$gol" .
expect import-cycle 1 "$P/cycle.err" "$P/cycle" "$gol" .
expect unexported 1 "$P/unexported.err" "$P/unexported" "$gol" .
expect internal-package 1 "$P/internal.err" "$P/internal" "$gol" .
expect dependency-errors-stop-the-build 1 "$P/deperr.err" "$P/deperr" "$gol" .
expect embed-placement 1 "$P/embedplace.err" "$P/embedplace" "$gol" .
expect embed-misplaced 1 "$P/embedmisplaced.err" "$P/embedmisplaced" "$gol" .
expect embed-types 1 "$P/embedtype.err" "$P/embedtype" "$gol" .
expect embed-no-import 1 "$P/embednoimport.err" "$P/embednoimport" "$gol" .
expect embed-pattern 1 "$P/embedpattern.err" "$P/embedpattern" "$gol" .
# go1.23 says "undefined: shape.hidden"; Go 1.24+ (types2) says what gol says.
sed 's/undefined: shape\.hidden/name hidden not exported by package shape/' "$P/visibility.err" >"$work/vis.want"
expect unexported-field-method-type-and-redeclared 1 "$work/vis.want" "$P/visibility" "$gol" .
expect third-party 1 '~^\./main\.go:6:2: no required module provides package github\.com/google/uuid: .*third-party modules are not supported' \
    "$P/thirdparty" "$gol" .

# ---- shebang scripts ----
ln -s "$gol" "$work/gol"
expect shebang 0 '~^script 2$' "$P" env PATH="$work:$PATH" ./shebang.gol a b

# ---- version, help, flags ----
expect version 0 '~^gol version [^ ]+ go1\.26 linux/[a-z0-9]+$' . "$gol" version
expect --version 0 '~^gol version [^ ]+ go1\.26 linux/' . "$gol" --version
for h in help --help -h -help; do
    out=$("$gol" $h 2>"$work/err"); rc=$?
    if [ $rc -eq 0 ] && [ ! -s "$work/err" ] && echo "$out" | grep -q '^usage: gol '; then
        pass=$((pass + 1)); else bad "$h: usage on stdout, exit 0 (got $rc)"; fi
done
usage_error() { # usage_error NAME REGEXP ARGS...: exit 2, REGEXP and the usage on stderr
    local name=$1 re=$2 rc
    shift 2
    "$gol" "$@" >"$work/out" 2>"$work/err" </dev/null; rc=$?
    if [ $rc -eq 2 ] && [ ! -s "$work/out" ] && grep -qE -- "$re" "$work/err" &&
        grep -q '^usage: gol ' "$work/err"; then pass=$((pass + 1))
    else bad "$name: want exit 2, /$re/ and the usage on stderr (got $rc)" "$(cat "$work/out" "$work/err" | head -5)"; fi
}
usage_error bad-seed '^invalid value "abc" for flag -seed: parse error$' --seed abc "$P/flags.gol"
usage_error bad-seed= '^invalid value "-3" for flag -seed: parse error$' -seed=-3 "$P/flags.gol"
usage_error seed-no-value '^flag needs an argument: -seed$' -seed
usage_error unknown-flag '^flag provided but not defined: -bogus$' --bogus "$P/flags.gol"
usage_error unknown-flag-after-command '^flag provided but not defined: -x$' run -x "$P/flags.gol"
usage_error bad-syntax '^bad flag syntax: ---seed$' ---seed 1 "$P/flags.gol"
usage_error bad-race '^invalid boolean value "maybe" for -race: parse error$' -race=maybe "$P/flags.gol"
usage_error race-repl '^gol: -race: the REPL has no race detector; give a program$' -race
usage_error check-no-program '^gol: check: no program given$' check
usage_error run-no-program '^gol: run: no program given$' run
"$gol" -seed 5 "$P/flags.gol" order >"$work/seed.want" 2>&1
for form in "-seed=5" "--seed 5" "--seed=5" "run -seed 5" "-seed 5 run" "run --seed=5"; do
    expect "flag form $form" 0 "$work/seed.want" . "$gol" $form "$P/flags.gol" order
done
expect program-flags-are-the-programs 0 '~^MULTI \[x -seed=2 --help\]$' "$P/multi" "$gol" main.go helper.go x -seed=2 --help
racy=$root/tests/race/sleep_not_sync.gol
for form in "-race" "--race" "-race=true" "run -race" "-race run" "run --race=1"; do
    expect "race flag $form" 66 '~^Found 1 data race\(s\)$' . "$gol" $form "$racy"
done
expect race-false 0 '~^computed$' . "$gol" -race=false "$racy"

# ---- hostile surroundings (tests/programs/hostile; texts and statuses from Go 1.19) ----
H=$P/hostile
printf 'line 0\nstatus 141\n' >"$work/sigpipe.want"
expect sigpipe-closed-stdout 0 "$work/sigpipe.want" "$H" \
    bash -c '"$0" yes.go | head -1; echo "status ${PIPESTATUS[0]}"' "$gol"
expect dev-full-and-path-errors 3 "$H/devfull.err" "$H" sh -c '"$0" devfull.go >/dev/full' "$gol"
# (these three from Go 1.23: a closed stdout is reopened on /dev/null since Go 1.22)
expect stdout-write-errors 0 "$H/stdout_errors.err" "$H" \
    sh -c '"$0" stdout_errors.go 2>&1 >/dev/full' "$gol"
expect stdout-write-errors-without-os 0 "$H/stdout_errors_fmt.err" "$H" \
    sh -c '"$0" stdout_errors_fmt.go 2>&1 >/dev/full' "$gol"
expect stdout-closed 0 "$H/stdout_closed.err" "$H" sh -c '"$0" stdout_errors.go 2>&1 >&-' "$gol"
# (Go 1.19 says "fatal error: out of memory" after its own allocator's message when the
# address space runs out; gol prints the text Go uses for an allocation too large)
expect oom-ulimit-v 2 '~^fatal error: runtime: out of memory$' "$H" \
    bash -c 'ulimit -v 400000; exec "$0" grow.go' "$gol"
expect oom-million-parked-goroutines 2 '~^fatal error: runtime: out of memory$' "$H" \
    bash -c 'ulimit -v 400000; exec "$0" park.go' "$gol"
# (Go's newosproc report; Go itself needs no thread here: its pipes use the poller)
expect threads-ulimit-v 2 '~^fatal error: newosproc$' "$H" \
    bash -c 'ulimit -v 400000; exec "$0" threads.go' "$gol"
expect threads-unlimited 0 '~^done$' "$H" "$gol" threads.go

# ---- the library's function bodies ----
# `gol run` checks a library function's body only when the program reaches it (lazy bodies,
# docs/decisions.md); `gol check` checks every body: a program importing every package of
# runtime/pkg (a_b+part.go is package "a/b") must check, and run, cleanly both ways.
{
    printf 'package main\n\nimport (\n'
    for f in "$root"/runtime/pkg/*.go; do
        b=$(basename "$f" .go)
        printf '\t_ "%s"\n' "${b%%+*}" | tr _ /
    done | sed 's|^\t/ |\t_ |' | sort -u
    printf ')\n\nfunc main() { println("ok") }\n'
} >"$work/allpkgs.go"
expect library-bodies-check 0 /dev/null "$work" "$gol" check allpkgs.go
expect library-bodies-run 0 '~^ok$' "$work" "$gol" allpkgs.go
expect library-bodies-eager-run 0 '~^ok$' "$work" env GOL_EAGER=1 "$gol" allpkgs.go

# ---- hello's peak RSS (docs/decisions.md, start-up memory) ----
# The least of 5 runs of /usr/bin/time's %M (the kernel's ru_maxrss). The issue's goal is
# 3 MiB; the bound is today's figure (about 5.0 MB, half of it mapped code of gol, libc
# and libgc) plus a margin, so a regression (the library bodies checked eagerly again:
# 6.1 MB; libm linked again: +0.25 MB) fails. The page cache's noise only adds: a freshly
# linked binary often has 0.3-0.9 MB more of its file mapped in some runs (a fresh clone's
# CI measured a median of 5.74 MB where the least was 4.6), so the least run is the figure.
hello_rss_max=5376
printf 'package main\n\nimport "fmt"\n\nfunc main() {\n\tfmt.Println("hello")\n}\n' >"$work/hello.go"
if [ -x /usr/bin/time ]; then
    rss=$(for i in 1 2 3 4 5; do
        /usr/bin/time -f '%M' "$gol" "$work/hello.go" 2>&1 >/dev/null | tail -1
    done | sort -n | sed -n 1p)
    if [ -n "$rss" ] && [ "$rss" -le $hello_rss_max ]; then pass=$((pass + 1))
    else bad "hello's peak RSS ${rss:-?} KB, over $hello_rss_max KB"; fi
fi

# ---- make install / uninstall ----
dest=$work/dest
if make -s -C "$root" -o "$gol" install DESTDIR="$dest" PREFIX=/usr/local GOL="$gol" >"$work/inst" 2>&1; then
    for f in bin/gol share/man/man1/gol.1 share/bash-completion/completions/gol \
        lib/gol/libgolre2.so; do
        [ -f "$dest/usr/local/$f" ] && pass=$((pass + 1)) || bad "install: no $f" "$(cat "$work/inst")"
    done
    expect installed-gol-runs 0 '~^hello, gol' "$root" "$dest/usr/local/bin/gol" samples/hello.gol
    # regexp's libgolre2.so, found in the binary's ../lib/gol
    printf 'package main\n\nimport (\n\t"fmt"\n\t"regexp"\n)\n\nfunc main() { fmt.Println(regexp.MustCompile(`a+b`).FindString("xaab")) }\n' >"$work/re.go"
    expect installed-gol-regexp 0 '~^aab$' "$root" "$dest/usr/local/bin/gol" "$work/re.go"
    expect installed-man-page 0 '~^\.TH GOL 1' . head -3 "$dest/usr/local/share/man/man1/gol.1"
    make -s -C "$root" uninstall DESTDIR="$dest" PREFIX=/usr/local >/dev/null 2>&1
    left=$(find "$dest" -type f)
    [ -z "$left" ] && pass=$((pass + 1)) || bad "uninstall left files" "$left"
else
    bad "make install failed" "$(cat "$work/inst")"
fi

echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
