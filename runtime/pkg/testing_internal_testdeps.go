// Package testdeps is what the generated main package of `gol test` hands to
// testing.MainStart, as the go command's does: the package's import path.
package testdeps

// ImportPath is the import path of the package under test (set by the generated main).
var ImportPath string

// TestDeps implements testing's testDeps.
type TestDeps struct{}

// ImportPath returns the import path of the package under test.
func (TestDeps) ImportPath() string { return ImportPath }
