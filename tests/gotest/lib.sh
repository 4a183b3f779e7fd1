# Shared by run.sh and record.sh: running one case of cases.txt and normalising its output
# (times, benchmark figures, goroutine traces: what differs between runs and from Go's).
# norm < raw > normalised
norm() {
    sed -E -e 's/[0-9]+\.[0-9]+s\b/T/g' -e 's/"Time":"[^"]*",//' -e 's/"Elapsed":[0-9.e-]+/"Elapsed":E/' \
        -e '/^Benchmark/{s/[ \t]+/ /g; s/[0-9.]+ (ns\/op|B\/op|allocs\/op|MB\/s)/N \1/g}' \
        -e '/"Output":"(goroutine [0-9]+ \[|\\t[^ ]+:[0-9]+(:[0-9]+)?( \+0x[0-9a-f]+)?\\n|created by |[][a-zA-Z0-9_.*()\/{}, ?]+\(.*\)\\n")/d' |
    awk '/^goroutine [0-9]+ \[/ {skip=1; next}
         skip && /^(ok|FAIL|PASS)/ {skip=0}
         !skip {print}'
}
# run_case CMD DIR ARGS -> prints the output, then "exit N"
run_case() {
    local cmd=$1 dir=$2 args=$3
    # shellcheck disable=SC2086
    (cd "$here/mod/$dir" && set -f && timeout 300 $cmd test $args 2>&1; echo "exit $?")
}
