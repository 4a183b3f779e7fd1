package broken

import "testing"

func TestOne(t *testing.T) {
	var s string = One()
	if s != "1" {
		t.Fatal(undefinedThing)
	}
}
