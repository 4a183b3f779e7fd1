#!/usr/bin/env bash
# Compares gol's compile errors with a Go toolchain's on many programs (typically a fuzzing
# corpus: mostly broken programs), and prints how many lists are equal, then the differing
# ones. Only programs Go rejects for type errors are counted: syntax and lexical error
# recovery differ widely and is left out. Messages are compared byte for byte, with go's
# "./" and "# package" lines removed.
#
#   tools/errdiff.sh GO DIR [N]     GO: a go binary (e.g. /usr/lib/go-1.23/bin/go);
#                                   DIR: the programs; N: how many to sample (default 500)
#   tools/errdiff.sh /usr/lib/go-1.23/bin/go build/fuzz/corpus 1000 | less
set -u
go=${1:?go binary}
dir=${2:?directory of programs}
n=${3:-500}
gol=$(cd "$(dirname "$0")/.." && pwd)/gol
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf 'module m\n\ngo 1.23\n' >"$work/go.mod"
rejected=0 same=0
: >"$work/diffs"
for f in $(ls "$dir" | shuf -n "$n" --random-source=<(yes)); do
    LC_ALL=C grep -q -P '[^\x09\x0a\x20-\x7e]' "$dir/$f" && continue # ASCII only
    cp "$dir/$f" "$work/main.go"
    (cd "$work" && timeout 20 "$go" build -o prog . 2>&1 | grep -av '^#' |
        sed 's|^\./||; s|\t\./|\t|') >"$work/go.txt"
    [ -s "$work/go.txt" ] || continue
    grep -q "syntax error\|not terminated\|invalid character\|expected '\|import path\|NUL\|go:embed\|pattern \|note: module\|requires GOEXPERIMENT" \
        "$work/go.txt" && continue
    (cd "$work" && timeout 20 "$gol" check main.go >gol.txt 2>&1)
    rejected=$((rejected + 1))
    if cmp -s "$work/go.txt" "$work/gol.txt"; then
        same=$((same + 1))
    else
        { echo "=== $dir/$f"; diff "$work/go.txt" "$work/gol.txt" | head -8; } >>"$work/diffs"
    fi
done
echo "errdiff: $rejected programs rejected by $go for type errors: $same lists equal"
cat "$work/diffs"
