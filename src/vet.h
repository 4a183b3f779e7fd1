// gol vet (vet.c): the analyzers of `go vet` that catch what learners of concurrency get
// wrong, run on a package the checker accepted.
#ifndef GOL_VET_H
#define GOL_VET_H

#include <stdio.h>

#include "object.h"

// Run the analyzers on [pkg] (checked without errors) and print their findings to [out] in
// source order as `file:line:col: message`. Returns the number of findings.
int vet_package(Package *pkg, FILE *out);

// The same with only the analyzers go test runs before a test (printf, bools, nilfunc,
// atomic): for gol test.
int vet_package_for_test(Package *pkg, FILE *out);

#endif
