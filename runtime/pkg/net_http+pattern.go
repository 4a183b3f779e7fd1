// How two ServeMux patterns relate (Go's pattern.go): equivalent, more general, more
// specific, disjoint, or overlapping; registration refuses equivalent and overlapping
// patterns on the same host, and describeConflict explains why in Go's words.
package http

import (
	"fmt"
	"strings"
)

type relationship string

const (
	equivalent   relationship = "equivalent"
	moreGeneral  relationship = "moreGeneral"
	moreSpecific relationship = "moreSpecific"
	disjoint     relationship = "disjoint"
	overlaps     relationship = "overlaps"
)

func (p1 *pattern) conflictsWith(p2 *pattern) bool {
	if p1.host != p2.host {
		return false
	}
	rel := p1.comparePathsAndMethods(p2)
	return rel == equivalent || rel == overlaps
}

func (p1 *pattern) comparePathsAndMethods(p2 *pattern) relationship {
	mrel := p1.compareMethods(p2)
	if mrel == disjoint {
		return disjoint
	}
	return combineRelationships(mrel, p1.comparePaths(p2))
}

func (p1 *pattern) compareMethods(p2 *pattern) relationship {
	switch {
	case p1.method == p2.method:
		return equivalent
	case p1.method == "":
		return moreGeneral
	case p2.method == "":
		return moreSpecific
	case p1.method == "GET" && p2.method == "HEAD":
		return moreGeneral
	case p2.method == "GET" && p1.method == "HEAD":
		return moreSpecific
	}
	return disjoint
}

func (p1 *pattern) comparePaths(p2 *pattern) relationship {
	if len(p1.segments) != len(p2.segments) && !p1.lastSegment().multi && !p2.lastSegment().multi {
		return disjoint
	}
	s1, s2 := p1.segments, p2.segments
	rel := equivalent
	for ; len(s1) > 0 && len(s2) > 0; s1, s2 = s1[1:], s2[1:] {
		rel = combineRelationships(rel, compareSegments(s1[0], s2[0]))
		if rel == disjoint {
			return rel
		}
	}
	switch {
	case len(s1) == 0 && len(s2) == 0:
		return rel
	case len(s1) < len(s2) && p1.lastSegment().multi:
		return combineRelationships(rel, moreGeneral)
	case len(s2) < len(s1) && p2.lastSegment().multi:
		return combineRelationships(rel, moreSpecific)
	}
	return disjoint
}

func compareSegments(s1, s2 segment) relationship {
	switch {
	case s1.multi && s2.multi:
		return equivalent
	case s1.multi:
		return moreGeneral
	case s2.multi:
		return moreSpecific
	case s1.wild && s2.wild:
		return equivalent
	case s1.wild:
		if s2.s == "/" {
			return disjoint
		}
		return moreGeneral
	case s2.wild:
		if s1.s == "/" {
			return disjoint
		}
		return moreSpecific
	case s1.s == s2.s:
		return equivalent
	}
	return disjoint
}

func combineRelationships(r1, r2 relationship) relationship {
	switch r1 {
	case equivalent:
		return r2
	case disjoint:
		return disjoint
	case overlaps:
		if r2 == disjoint {
			return disjoint
		}
		return overlaps
	}
	switch r2 {
	case equivalent:
		return r1
	case inverseRelationship(r1):
		return overlaps
	}
	return r2
}

func inverseRelationship(r relationship) relationship {
	switch r {
	case moreSpecific:
		return moreGeneral
	case moreGeneral:
		return moreSpecific
	}
	return r
}

func describeConflict(p1, p2 *pattern) string {
	mrel := p1.compareMethods(p2)
	prel := p1.comparePaths(p2)
	if combineRelationships(mrel, prel) == equivalent {
		return fmt.Sprintf("%s matches the same requests as %s", p1, p2)
	}
	if prel == overlaps {
		return fmt.Sprintf("%s and %s both match some paths, like %q.\nBut neither is more specific than the other.\n%s matches %q, but %s doesn't.\n%s matches %q, but %s doesn't.",
			p1, p2, commonPath(p1, p2), p1, differencePath(p1, p2), p2, p2, differencePath(p2, p1), p1)
	}
	if mrel == moreGeneral && prel == moreSpecific {
		return fmt.Sprintf("%s matches more methods than %s, but has a more specific path pattern", p1, p2)
	}
	if mrel == moreSpecific && prel == moreGeneral {
		return fmt.Sprintf("%s matches fewer methods than %s, but has a more general path pattern", p1, p2)
	}
	return fmt.Sprintf("bug: unexpected way for two patterns %s and %s to conflict: methods %s, paths %s", p1, p2, mrel, prel)
}

func writeSegment(b *strings.Builder, s segment) {
	b.WriteByte('/')
	if !s.multi && s.s != "/" {
		b.WriteString(s.s)
	}
}

func writeRest(b *strings.Builder, s1, s2 []segment) {
	if len(s1) == 0 {
		s1 = s2
	}
	for _, s := range s1 {
		writeSegment(b, s)
	}
}

// commonPath returns a path that both patterns match.
func commonPath(p1, p2 *pattern) string {
	var b strings.Builder
	s1, s2 := p1.segments, p2.segments
	for ; len(s1) > 0 && len(s2) > 0; s1, s2 = s1[1:], s2[1:] {
		if s1[0].wild {
			writeSegment(&b, s2[0])
		} else {
			writeSegment(&b, s1[0])
		}
	}
	writeRest(&b, s1, s2)
	return b.String()
}

// differencePath returns a path that p1 matches and p2 does not.
func differencePath(p1, p2 *pattern) string {
	var b strings.Builder
	s1, s2 := p1.segments, p2.segments
	for ; len(s1) > 0 && len(s2) > 0; s1, s2 = s1[1:], s2[1:] {
		a, c := s1[0], s2[0]
		switch {
		case a.multi && c.multi:
			b.WriteByte('/')
			return b.String()
		case a.multi:
			b.WriteByte('/')
			if c.s == "/" {
				if a.s != "" {
					b.WriteString(a.s)
				} else {
					b.WriteString("x")
				}
			}
			return b.String()
		case a.wild && !c.wild && !c.multi && a.s == c.s:
			b.WriteByte('/')
			b.WriteString(c.s + "x")
		default:
			writeSegment(&b, a)
		}
	}
	writeRest(&b, s1, s2)
	return b.String()
}
