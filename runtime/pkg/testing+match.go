// -run and -skip (Go's match.go): patterns split on top-level '/' (one regexp per subtest
// level) and '|' (alternatives), subtest names rewritten (spaces to '_', unprintable
// runes quoted) and made unique with #01, #02...

package testing

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"unicode"
)

type filterMatch interface {
	matches(name []string) (ok, partial bool)
	verify(name string) error
}

type simpleMatch []string

type alternationMatch []filterMatch

type matcher struct {
	filter   filterMatch
	skip     filterMatch
	mu       sync.Mutex
	subNames map[string]int32
}

func newMatcher(patterns, name, skips string) *matcher {
	var filter, skip filterMatch
	if patterns == "" {
		filter = simpleMatch{}
	} else {
		filter = splitRegexp(patterns)
		if err := filter.verify(name); err != nil {
			fmt.Fprintf(os.Stderr, "testing: invalid regexp for %s\n", err)
			os.Exit(1)
		}
	}
	if skips == "" {
		skip = alternationMatch{}
	} else {
		skip = splitRegexp(skips)
		if err := skip.verify("-test.skip"); err != nil {
			fmt.Fprintf(os.Stderr, "testing: invalid regexp for %v\n", err)
			os.Exit(1)
		}
	}
	return &matcher{filter: filter, skip: skip, subNames: map[string]int32{}}
}

func (m *matcher) fullName(c *common, subname string) (name string, ok, partial bool) {
	name = subname
	m.mu.Lock()
	defer m.mu.Unlock()
	if c != nil && c.level > 0 {
		name = m.unique(c.name, rewrite(subname))
	}
	elem := strings.Split(name, "/")
	ok, partial = m.filter.matches(elem)
	if !ok {
		return name, false, false
	}
	skip, partialSkip := m.skip.matches(elem)
	if skip && !partialSkip {
		return name, false, false
	}
	return name, ok, partial
}

func (m simpleMatch) matches(name []string) (ok, partial bool) {
	for i, s := range name {
		if i >= len(m) {
			break
		}
		if ok, _ := matchString(m[i], s); !ok {
			return false, false
		}
	}
	return true, len(name) < len(m)
}

func (m simpleMatch) verify(name string) error {
	for i, s := range m {
		m[i] = rewrite(s)
	}
	for i, s := range m {
		if _, err := matchString(s, "non-empty"); err != nil {
			return fmt.Errorf("element %d of %s (%q): %s", i, name, s, err)
		}
	}
	return nil
}

func (m alternationMatch) matches(name []string) (ok, partial bool) {
	for _, m := range m {
		if ok, partial = m.matches(name); ok {
			return ok, partial
		}
	}
	return false, false
}

func (m alternationMatch) verify(name string) error {
	for i, m := range m {
		if err := m.verify(name); err != nil {
			return fmt.Errorf("alternation %d of %s", i, err)
		}
	}
	return nil
}

func splitRegexp(s string) filterMatch {
	a := make(simpleMatch, 0, strings.Count(s, "/"))
	b := make(alternationMatch, 0, strings.Count(s, "|"))
	cs := 0
	cp := 0
	for i := 0; i < len(s); {
		switch s[i] {
		case '[':
			cs++
		case ']':
			if cs--; cs < 0 {
				cs = 0
			}
		case '(':
			if cs == 0 {
				cp++
			}
		case ')':
			if cs == 0 {
				cp--
			}
		case '\\':
			i++
		case '/':
			if cs == 0 && cp == 0 {
				a = append(a, s[:i])
				s = s[i+1:]
				i = 0
				continue
			}
		case '|':
			if cs == 0 && cp == 0 {
				a = append(a, s[:i])
				s = s[i+1:]
				i = 0
				b = append(b, a)
				a = make(simpleMatch, 0, len(a))
				continue
			}
		}
		i++
	}
	a = append(a, s)
	if len(b) == 0 {
		return a
	}
	return append(b, a)
}

// unique makes parent/subname unique among the subtests seen so far.
func (m *matcher) unique(parent, subname string) string {
	base := parent + "/" + subname
	for {
		n := m.subNames[base]
		m.subNames[base] = n + 1
		if n == 0 && subname != "" {
			return base
		}
		name := fmt.Sprintf("%s#%02d", base, n)
		if m.subNames[name] != 0 {
			continue
		}
		return name
	}
}

// rewrite replaces white space with '_' and quotes unprintable runes.
func rewrite(s string) string {
	b := []byte{}
	for _, r := range s {
		switch {
		case unicode.IsSpace(r):
			b = append(b, '_')
		case !strconv.IsPrint(r):
			q := strconv.QuoteRune(r)
			b = append(b, q[1:len(q)-1]...)
		default:
			b = append(b, string(r)...)
		}
	}
	return string(b)
}
