#!/usr/bin/env bash
# Generates a Go program of one shape at size N on stdout, for tests/scale/run.sh and
# bench/frontend.sh:
#   gen.sh SHAPE N
# Shapes: literal (a []int literal of N elements), maplit (a map literal of N keys), switch
# (N cases), longfn (one function of 2N statements), manyfn (N functions, each called),
# manytype (N struct types with a method), sum (x := 1 + 1 + ... N terms), sumvar (the same
# of a variable), parens (N nested parentheses), ifs (N nested if blocks), strcat (a string
# constant of N terms "ab" + "ab" + ...).
set -eu
shape=$1 n=$2
hdr='package main

import "fmt"
'
case $shape in
literal)
    printf '%s\nvar a = []int{' "$hdr"
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "%d,", (i * 7919) % 1000003 }'
    printf '}\n\nfunc main() { fmt.Println(len(a), a[len(a)-1]) }\n' ;;
maplit)
    printf '%s\nvar m = map[string]int{' "$hdr"
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "\"k%d\": %d,", i, i }'
    printf '}\n\nfunc main() { fmt.Println(len(m), m["k7"]) }\n' ;;
switch)
    printf '%s\nfunc main() {\n\ty := 7\n\tswitch y {\n' "$hdr"
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "\tcase %d:\n\t\tfmt.Println(%d)\n", i, i }'
    printf '\t}\n}\n' ;;
longfn)
    printf '%s\nfunc main() {\n\ts := 0\n' "$hdr"
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "\tx%d := %d\n\ts += x%d\n", i, i, i }'
    printf '\tfmt.Println(s)\n}\n' ;;
manyfn)
    printf '%s\n' "$hdr"
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "func f%d(a int) int { return a + %d }\n", i, i % 10 }'
    printf 'func main() {\n\ts := 0\n'
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "\ts = f%d(s)\n", i }'
    printf '\tfmt.Println(s)\n}\n' ;;
manytype)
    printf '%s\n' "$hdr"
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "type T%d struct{ a, b int; c string }\n\nfunc (t T%d) M() int { return t.a + %d }\n", i, i, i }'
    printf 'func main() { fmt.Println(T1{a: 1}.M(), T%d{}.M()) }\n' $((n - 1)) ;;
sum)
    printf '%s\nfunc main() {\n\tx := 1' "$hdr"
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf " + 1" }'
    printf '\n\tfmt.Println(x)\n}\n' ;;
sumvar)
    printf '%s\nfunc main() {\n\ty := 1\n\tx := y' "$hdr"
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf " + y" }'
    printf '\n\tfmt.Println(x)\n}\n' ;;
parens)
    printf '%s\nfunc main() {\n\tx := ' "$hdr"
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "("; printf "1"; for (i = 0; i < n; i++) printf ")" }'
    printf '\n\tfmt.Println(x)\n}\n' ;;
ifs)
    printf '%s\nfunc main() {\n\tx := 0\n' "$hdr"
    awk -v n="$n" 'BEGIN { for (i = 0; i < n; i++) printf "if x == %d {\nx++\n", i; for (i = 0; i < n; i++) printf "}\n" }'
    printf '\tfmt.Println(x)\n}\n' ;;
strcat)
    printf '%s\nconst s = "ab"' "$hdr"
    awk -v n="$n" 'BEGIN { for (i = 1; i < n; i++) printf " + \"ab\"" }'
    printf '\n\nfunc main() { fmt.Println(len(s), s[len(s)-3:]) }\n' ;;
*) echo "gen.sh: unknown shape $shape" >&2; exit 2 ;;
esac
