// The CPU budget for fuzzing and stress runs: GOL_CPU_BUDGET_MS=N ends the process after N
// milliseconds of CPU time (all threads, front end included), so that a generated program
// that loops forever is cut short by gol itself rather than by a fuzzer's timeout.
#ifndef GOL_BUDGET_H
#define GOL_BUDGET_H

// Arms the budget when GOL_CPU_BUDGET_MS is set to a positive number; at its end gol
// prints "gol: CPU budget of N ms exhausted" to stderr and exits with status 3 (output
// still buffered is lost: flushing is not async-signal-safe). Call once, early in main.
void budget_start(void);

#endif
