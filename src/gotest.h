// `gol test`: the go command's test driver (gotest.c) over the test binaries of testmain.c.
#ifndef GOL_GOTEST_H
#define GOL_GOTEST_H

#include <stdio.h>

// Run `gol test ...` ([argv][1] is "test"); returns the exit status (0 all passed, 1 a
// failure or a build error, 2 a usage error). The hidden form `gol test -test.main DIR
// FLAGS...` is one package's test binary.
int gotest_main(int argc, char **argv);

// gol test's usage text.
void gotest_usage(FILE *f);

#endif
