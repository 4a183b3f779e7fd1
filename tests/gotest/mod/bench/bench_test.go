package bench

import "testing"

func TestSum(t *testing.T) {
	if Sum([]int{1, 2, 3}) != 6 {
		t.Fatal("sum")
	}
}

func BenchmarkSum(b *testing.B) {
	s := make([]int, 100)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Sum(s)
	}
}

func BenchmarkSizes(b *testing.B) {
	for _, n := range []int{10, 1000} {
		b.Run("n="+string(rune('0'+n%9)), func(b *testing.B) {
			s := make([]int, n)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				_ = append([]int(nil), s...)
			}
		})
	}
}

func BenchmarkParallel(b *testing.B) {
	b.RunParallel(func(pb *testing.PB) {
		s := []int{1, 2}
		for pb.Next() {
			Sum(s)
		}
	})
}

func BenchmarkMetric(b *testing.B) {
	b.SetBytes(1024)
	for i := 0; i < b.N; i++ {
		Sum(nil)
	}
	b.ReportMetric(3, "widgets/op")
	b.Log("logged")
}
