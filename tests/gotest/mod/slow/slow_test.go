package slow

import (
	"testing"
	"time"
)

func TestQuick(t *testing.T) {}

func TestSlow(t *testing.T) {
	if d, ok := t.Deadline(); !ok || time.Until(d) > time.Minute {
		t.Skip("runs only with a short -timeout")
	}
	time.Sleep(5 * time.Second)
}
