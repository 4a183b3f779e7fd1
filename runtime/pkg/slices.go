// Package slices defines various functions useful with slices of any type. The functions
// are natives (runtime/pkg/slices.c, slices_sort.c, slices_edit.c) that receive their type
// arguments ahead of their arguments. They follow Go 1.22's source where it is observable:
// the sequence of cmp calls (pdqsort, stable sort, binary search), capacities after growth
// (which follow append), and the zeroed tails left by Delete, DeleteFunc, Compact and
// Replace.
package slices

import (
	"cmp"
	"iter"
)

// Equal reports whether two slices are equal: the same length and all elements equal.
// Floating point NaNs are not considered equal.
func Equal[S ~[]E, E comparable](s1, s2 S) bool

// EqualFunc reports whether two slices are equal using an equality function on each pair
// of elements, compared in increasing index order.
func EqualFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, eq func(E1, E2) bool) bool

// Compare compares the elements of s1 and s2, using cmp.Compare on each pair of elements.
// The result is 0 if s1 == s2, -1 if s1 < s2, and +1 if s1 > s2.
func Compare[S ~[]E, E cmp.Ordered](s1, s2 S) int

// CompareFunc is like Compare but uses a custom comparison function on each pair of
// elements.
func CompareFunc[S1 ~[]E1, S2 ~[]E2, E1, E2 any](s1 S1, s2 S2, cmp func(E1, E2) int) int

// Index returns the index of the first occurrence of v in s, or -1 if not present.
func Index[S ~[]E, E comparable](s S, v E) int

// IndexFunc returns the first index i satisfying f(s[i]), or -1 if none do.
func IndexFunc[S ~[]E, E any](s S, f func(E) bool) int

// Contains reports whether v is present in s.
func Contains[S ~[]E, E comparable](s S, v E) bool

// ContainsFunc reports whether at least one element e of s satisfies f(e).
func ContainsFunc[S ~[]E, E any](s S, f func(E) bool) bool

// Insert inserts the values v... into s at index i, returning the modified slice. The
// elements at s[i:] are shifted up to make room. Insert panics if i is out of range.
func Insert[S ~[]E, E any](s S, i int, v ...E) S

// Delete removes the elements s[i:j] from s, returning the modified slice. Delete panics
// if j > len(s) or s[i:j] is not a valid slice of s. Delete zeroes the elements
// s[len(s)-(j-i):len(s)].
func Delete[S ~[]E, E any](s S, i, j int) S

// DeleteFunc removes any elements from s for which del returns true, returning the
// modified slice. It zeroes the elements between the new length and the original length.
func DeleteFunc[S ~[]E, E any](s S, del func(E) bool) S

// Replace replaces the elements s[i:j] by the given v, and returns the modified slice.
// Replace panics if j > len(s) or s[i:j] is not a valid slice of s.
func Replace[S ~[]E, E any](s S, i, j int, v ...E) S

// Clone returns a copy of the slice. The elements are copied using assignment, so this is
// a shallow clone. The result may have additional unused capacity.
func Clone[S ~[]E, E any](s S) S

// Compact replaces consecutive runs of equal elements with a single copy. Compact modifies
// the contents of the slice s and returns the modified slice, which may have a smaller
// length. It zeroes the elements between the new length and the original length.
func Compact[S ~[]E, E comparable](s S) S

// CompactFunc is like Compact but uses an equality function to compare elements. For runs
// of elements that compare equal, CompactFunc keeps the first one.
func CompactFunc[S ~[]E, E any](s S, eq func(E, E) bool) S

// Grow increases the slice's capacity, if necessary, to guarantee space for another n
// elements. If n is negative or too large to allocate the memory, Grow panics.
func Grow[S ~[]E, E any](s S, n int) S

// Clip removes unused capacity from the slice, returning s[:len(s):len(s)].
func Clip[S ~[]E, E any](s S) S

// Concat returns a new slice concatenating the passed in slices.
func Concat[S ~[]E, E any](slices ...S) S

// Repeat returns a new slice that repeats the provided slice the given number of times.
// It panics if count is negative or if len(x) * count overflows.
func Repeat[S ~[]E, E any](x S, count int) S

// Reverse reverses the elements of the slice in place.
func Reverse[S ~[]E, E any](s S)

// Sort sorts a slice of any ordered type in ascending order. When sorting floating-point
// numbers, NaNs are ordered before other values.
func Sort[S ~[]E, E cmp.Ordered](x S)

// SortFunc sorts the slice x in ascending order as determined by the cmp function. This
// sort is not guaranteed to be stable. cmp(a, b) should return a negative number when
// a < b, a positive number when a > b and zero when a == b.
func SortFunc[S ~[]E, E any](x S, cmp func(a, b E) int)

// SortStableFunc sorts the slice x while keeping the original order of equal elements,
// using cmp to compare elements in the same way as SortFunc.
func SortStableFunc[S ~[]E, E any](x S, cmp func(a, b E) int)

// IsSorted reports whether x is sorted in ascending order.
func IsSorted[S ~[]E, E cmp.Ordered](x S) bool

// IsSortedFunc reports whether x is sorted in ascending order, with cmp as the comparison
// function as defined by SortFunc.
func IsSortedFunc[S ~[]E, E any](x S, cmp func(a, b E) int) bool

// Min returns the minimal value in x. It panics if x is empty. For floating-point
// numbers, Min propagates NaNs (any NaN value in x forces the output to be NaN).
func Min[S ~[]E, E cmp.Ordered](x S) E

// MinFunc returns the minimal value in x, using cmp to compare elements. It panics if x
// is empty. If there is more than one minimal element according to the cmp function,
// MinFunc returns the first one.
func MinFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E

// Max returns the maximal value in x. It panics if x is empty. For floating-point E, Max
// propagates NaNs (any NaN value in x forces the output to be NaN).
func Max[S ~[]E, E cmp.Ordered](x S) E

// MaxFunc returns the maximal value in x, using cmp to compare elements. It panics if x
// is empty. If there is more than one maximal element according to the cmp function,
// MaxFunc returns the first one.
func MaxFunc[S ~[]E, E any](x S, cmp func(a, b E) int) E

// BinarySearch searches for target in a sorted slice and returns the earliest position
// where target is found, or the position where target would appear in the sort order; it
// also returns a bool saying whether the target is really found in the slice.
func BinarySearch[S ~[]E, E cmp.Ordered](x S, target E) (int, bool)

// BinarySearchFunc works like BinarySearch, but uses a custom comparison function.
func BinarySearchFunc[S ~[]E, E, T any](x S, target T, cmp func(E, T) int) (int, bool)

// ---- iterators (Go 1.23), written in Go over the generic functions above ----

// All returns an iterator over index-value pairs in the slice in the usual order.
func All[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

// Backward returns an iterator over index-value pairs in the slice, traversing it backward
// with descending indices.
func Backward[Slice ~[]E, E any](s Slice) iter.Seq2[int, E] {
	return func(yield func(int, E) bool) {
		for i := len(s) - 1; i >= 0; i-- {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}

// Values returns an iterator that yields the slice elements in order.
func Values[Slice ~[]E, E any](s Slice) iter.Seq[E] {
	return func(yield func(E) bool) {
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}

// AppendSeq appends the values from seq to the slice and returns the extended slice.
func AppendSeq[Slice ~[]E, E any](s Slice, seq iter.Seq[E]) Slice {
	for v := range seq {
		s = append(s, v)
	}
	return s
}

// Collect collects values from seq into a new slice and returns it.
func Collect[E any](seq iter.Seq[E]) []E {
	return AppendSeq([]E(nil), seq)
}

// Sorted collects values from seq into a new slice, sorts the slice, and returns it.
func Sorted[E cmp.Ordered](seq iter.Seq[E]) []E {
	s := Collect(seq)
	Sort(s)
	return s
}

// SortedFunc collects values from seq into a new slice, sorts the slice using the
// comparison function, and returns it.
func SortedFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E {
	s := Collect(seq)
	SortFunc(s, cmp)
	return s
}

// SortedStableFunc collects values from seq into a new slice. It then sorts the slice
// while keeping the original order of equal elements, using the comparison function.
func SortedStableFunc[E any](seq iter.Seq[E], cmp func(E, E) int) []E {
	s := Collect(seq)
	SortStableFunc(s, cmp)
	return s
}

// Chunk returns an iterator over consecutive sub-slices of up to n elements of s. All but
// the last sub-slice will have size n. All sub-slices are clipped to have no capacity
// beyond the length. If s is empty, the sequence is empty: there is no empty slice in the
// sequence. Chunk panics if n is less than 1.
func Chunk[Slice ~[]E, E any](s Slice, n int) iter.Seq[Slice] {
	if n < 1 {
		panic("cannot be less than 1")
	}
	return func(yield func(Slice) bool) {
		for i := 0; i < len(s); i += n {
			end := min(n, len(s[i:]))
			if !yield(s[i : i+end : i+end]) {
				return
			}
		}
	}
}
