// outcomes: the canonical form of `gol explore --json` output for tests/explore/run.sh.
//
//	outcomes set <JSON      one line per outcome, sorted, then "complete: BOOL"
//	outcomes tokens <JSON   "TOKEN<tab>LINE" per outcome
//	outcomes one OUT ERR N  the LINE of one run: its stdout file, stderr file, exit status
//
// LINE is `exit N stderr "first line" stdout "all of it"` (Go-quoted; stderr only when
// N != 0), so an expected set is readable and written by hand.
package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
)

type outcome struct {
	Stdout    string `json:"stdout"`
	Stderr    string `json:"stderr"`
	Exit      int    `json:"exit"`
	Schedules int    `json:"schedules"`
	Replay    string `json:"replay"`
}

type report struct {
	Outcomes  []outcome `json:"outcomes"`
	Schedules int       `json:"schedules"`
	Complete  bool      `json:"complete"`
}

func line(stdout, stderr string, exit int) string {
	return fmt.Sprintf("exit %d stderr %q stdout %q", exit, stderr, stdout)
}

func main() {
	if len(os.Args) == 5 && os.Args[1] == "one" {
		out, err1 := os.ReadFile(os.Args[2])
		errb, err2 := os.ReadFile(os.Args[3])
		n, err3 := strconv.Atoi(os.Args[4])
		if err1 != nil || err2 != nil || err3 != nil {
			fmt.Fprintln(os.Stderr, "outcomes one: bad arguments")
			os.Exit(2)
		}
		first := ""
		if n != 0 {
			first, _, _ = strings.Cut(string(errb), "\n")
		}
		fmt.Println(line(string(out), first, n))
		return
	}
	if len(os.Args) != 2 || (os.Args[1] != "set" && os.Args[1] != "tokens") {
		fmt.Fprintln(os.Stderr, "usage: outcomes set|tokens <JSON, or outcomes one OUT ERR N")
		os.Exit(2)
	}
	var r report
	dec := json.NewDecoder(os.Stdin)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&r); err != nil {
		fmt.Fprintln(os.Stderr, "outcomes: bad JSON:", err)
		os.Exit(1)
	}
	total := 0
	var lines []string
	for _, o := range r.Outcomes {
		total += o.Schedules
		if os.Args[1] == "tokens" {
			fmt.Printf("%s\t%s\n", o.Replay, line(o.Stdout, o.Stderr, o.Exit))
		} else {
			lines = append(lines, line(o.Stdout, o.Stderr, o.Exit))
		}
	}
	if total != r.Schedules {
		fmt.Fprintf(os.Stderr, "outcomes: schedules add up to %d, report says %d\n", total, r.Schedules)
		os.Exit(1)
	}
	if os.Args[1] == "set" {
		sort.Strings(lines)
		for _, l := range lines {
			fmt.Println(l)
		}
		fmt.Println("complete:", r.Complete)
	}
}
