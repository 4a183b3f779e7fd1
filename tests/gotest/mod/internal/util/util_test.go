package util_test

import (
	"testing"

	"example.com/mod/internal/util"
)

func TestCat(t *testing.T) {
	if util.Cat("a", "b") != "ab" {
		t.Fatal("cat")
	}
}
