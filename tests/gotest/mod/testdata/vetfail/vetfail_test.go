package vetfail

import (
	"fmt"
	"testing"
)

func TestPrintf(t *testing.T) {
	name := "gopher"
	t.Logf("hello %d", name)
	s := fmt.Sprintf("%s", 42)
	_ = s
}
