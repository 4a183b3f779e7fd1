package fuzzpanic

import "testing"

func FuzzFirst(f *testing.F) {
	f.Add("x")
	f.Fuzz(func(t *testing.T, s string) { t.Log(s) })
}

func FuzzBoom(f *testing.F) {
	f.Cleanup(func() { f.Log("cleanup runs") })
	f.Add(1)
	panic("boom")
}

func FuzzAfter(f *testing.F) {
	f.Fuzz(func(t *testing.T, n int) {})
}
