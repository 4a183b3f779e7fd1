// The test binary of `gol test`: a package's tests compiled with a generated main package
// (as the go command's _testmain.go) and run in the package's directory.
#ifndef GOL_TESTMAIN_H
#define GOL_TESTMAIN_H

// The exit status of a test binary whose package did not build (errors on stderr).
#define TESTMAIN_BUILD_FAILED 101
// ... or whose test functions have the wrong signature (the go command's setup failure).
#define TESTMAIN_SETUP_FAILED 102

// Build and run the tests of the package in [dir] with the test binary's arguments
// [argv] (argv[0] the binary's name, then -test.* flags). Returns only when the build
// failed (TESTMAIN_BUILD_FAILED, errors printed) or main returned (0); the tests' own
// status comes from os.Exit.
int testmain_run(const char *dir, int argc, char **argv);

#endif
