// Package sort provides primitives for sorting slices and user-defined collections. The
// sorting algorithms are Go 1.19's (pdqsort, and insertion sort + SymMerge for the stable
// sort), run natively (runtime/pkg/sort.c, sort_pdq.c) with exactly Go's sequence of
// Less and Swap calls, so equal elements end up in the order Go leaves them.
package sort

// An implementation of Interface can be sorted by the routines in this package. The
// methods refer to elements of the underlying collection by integer index.
type Interface interface {
	Len() int
	Less(i, j int) bool
	Swap(i, j int)
}

func sortIface(data Interface, n int, stable bool)
func sortSlice(x any, less func(i, j int) bool, stable bool)
func sliceLen(x any) int
func sortInts(x []int)
func sortFloat64s(x []float64)
func sortStrings(x []string)

// Sort sorts data in ascending order as determined by the Less method. It makes one call
// to data.Len and O(n*log(n)) calls to data.Less and data.Swap. The sort is not
// guaranteed to be stable.
func Sort(data Interface) {
	n := data.Len()
	if n <= 1 {
		return
	}
	sortIface(data, n, false)
}

// Stable sorts data in ascending order as determined by the Less method, while keeping
// the original order of equal elements.
func Stable(data Interface) {
	sortIface(data, data.Len(), true)
}

// IsSorted reports whether data is sorted.
func IsSorted(data Interface) bool {
	n := data.Len()
	for i := n - 1; i > 0; i-- {
		if data.Less(i, i-1) {
			return false
		}
	}
	return true
}

// Slice sorts the slice x given the provided less function. It panics if x is not a
// slice. The sort is not guaranteed to be stable.
func Slice(x any, less func(i, j int) bool) {
	sortSlice(x, less, false)
}

// SliceStable sorts the slice x using the provided less function, keeping equal elements
// in their original order.
func SliceStable(x any, less func(i, j int) bool) {
	sortSlice(x, less, true)
}

// SliceIsSorted reports whether the slice x is sorted according to the less function.
func SliceIsSorted(x any, less func(i, j int) bool) bool {
	n := sliceLen(x)
	for i := n - 1; i > 0; i-- {
		if less(i, i-1) {
			return false
		}
	}
	return true
}

type reverse struct {
	// This embedded Interface permits Reverse to use the methods of another Interface
	// implementation.
	Interface
}

// Less returns the opposite of the embedded implementation's Less method.
func (r reverse) Less(i, j int) bool {
	return r.Interface.Less(j, i)
}

// Reverse returns the reverse order for data.
func Reverse(data Interface) Interface {
	return &reverse{data}
}

// IntSlice attaches the methods of Interface to []int, sorting in increasing order.
type IntSlice []int

func (x IntSlice) Len() int           { return len(x) }
func (x IntSlice) Less(i, j int) bool { return x[i] < x[j] }
func (x IntSlice) Swap(i, j int)      { x[i], x[j] = x[j], x[i] }
func (x IntSlice) Sort()              { sortInts(x) }
func (p IntSlice) Search(x int) int   { return SearchInts(p, x) }

// Float64Slice implements Interface for a []float64, sorting in increasing order, with
// not-a-number (NaN) values ordered before other values.
type Float64Slice []float64

func (x Float64Slice) Len() int { return len(x) }
func (x Float64Slice) Less(i, j int) bool {
	return x[i] < x[j] || (isNaN(x[i]) && !isNaN(x[j]))
}
func (x Float64Slice) Swap(i, j int)        { x[i], x[j] = x[j], x[i] }
func (x Float64Slice) Sort()                { sortFloat64s(x) }
func (p Float64Slice) Search(x float64) int { return SearchFloat64s(p, x) }

func isNaN(f float64) bool {
	return f != f
}

// StringSlice attaches the methods of Interface to []string, sorting in increasing order.
type StringSlice []string

func (x StringSlice) Len() int            { return len(x) }
func (x StringSlice) Less(i, j int) bool  { return x[i] < x[j] }
func (x StringSlice) Swap(i, j int)       { x[i], x[j] = x[j], x[i] }
func (x StringSlice) Sort()               { sortStrings(x) }
func (p StringSlice) Search(x string) int { return SearchStrings(p, x) }

// Ints sorts a slice of ints in increasing order.
func Ints(x []int) { sortInts(x) }

// Float64s sorts a slice of float64s in increasing order (NaNs first).
func Float64s(x []float64) { sortFloat64s(x) }

// Strings sorts a slice of strings in increasing order.
func Strings(x []string) { sortStrings(x) }

func IntsAreSorted(x []int) bool { return IsSorted(IntSlice(x)) }

func Float64sAreSorted(x []float64) bool { return IsSorted(Float64Slice(x)) }

func StringsAreSorted(x []string) bool { return IsSorted(StringSlice(x)) }

// Search uses binary search to find and return the smallest index i in [0, n) at which
// f(i) is true, assuming that on the range [0, n), f(i) == true implies f(i+1) == true.
// If there is no such index, Search returns n.
func Search(n int, f func(int) bool) int {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if !f(h) {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

// Find uses binary search to find and return the smallest index i in [0, n) at which
// cmp(i) <= 0. found reports whether cmp(i) == 0 there.
func Find(n int, cmp func(int) int) (i int, found bool) {
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp(h) > 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && cmp(i) == 0
}

// SearchInts searches for x in a sorted slice of ints and returns the index as specified
// by Search.
func SearchInts(a []int, x int) int {
	i, j := 0, len(a)
	for i < j {
		h := int(uint(i+j) >> 1)
		if a[h] < x {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}

func SearchFloat64s(a []float64, x float64) int {
	return Search(len(a), func(i int) bool { return a[i] >= x })
}

func SearchStrings(a []string, x string) int {
	i, j := 0, len(a)
	for i < j {
		h := int(uint(i+j) >> 1)
		if a[h] < x {
			i = h + 1
		} else {
			j = h
		}
	}
	return i
}
