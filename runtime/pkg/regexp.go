// Package regexp implements Go's regular expressions for gol. Matching is RE2's (the
// library Go's package was ported from) through natives in runtime/pkg/regexp.c; this
// file is Go's own logic above the matcher: the FindAll and ReplaceAll walks with Go's
// empty-match rules, Expand's template syntax, Split, and Go's syntax where it differs
// from RE2's (named groups (?P<n>) and (?<n>) with Go's names, \C rejected).
package regexp

import (
	"io"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// compile compiles expr with RE2; h is 0 on failure, with RE2's error code and fragment.
func compile(expr string, posix, longest bool) (h uintptr, groups int, code int, arg string)

// match searches s from byte pos (with s[:pos] as context) and returns 2*ncap offsets,
// or nil when there is no match.
func match(h uintptr, s string, pos int, ncap int) []int

// Regexp is the representation of a compiled regular expression. A Regexp is safe for
// concurrent use by multiple goroutines, except for configuration methods, such as Longest.
type Regexp struct {
	expr        string
	re2expr     string
	h           uintptr
	numSubexp   int
	subexpNames []string
	posix       bool
	longest     bool
}

// Go's error codes, indexed by RE2's RE2::ErrorCode.
var codes = []syntax.ErrorCode{
	syntax.ErrInternalError,
	syntax.ErrInternalError,
	syntax.ErrInvalidEscape,
	syntax.ErrInvalidCharClass,
	syntax.ErrInvalidCharRange,
	syntax.ErrMissingBracket,
	syntax.ErrMissingParen,
	syntax.ErrUnexpectedParen,
	syntax.ErrTrailingBackslash,
	syntax.ErrMissingRepeatArgument,
	syntax.ErrInvalidRepeatSize,
	syntax.ErrInvalidRepeatOp,
	syntax.ErrInvalidPerlOp,
	syntax.ErrInvalidUTF8,
	syntax.ErrInvalidNamedCapture,
	syntax.ErrLarge,
}

// re2BadUTF8 is RE2's ErrorBadUTF8, whose fragment is empty; Go's is the text from the
// first bad byte on.
const re2BadUTF8 = 13

func re2Error(code int, arg string) error {
	c := syntax.ErrInternalError
	if code >= 0 && code < len(codes) {
		c = codes[code]
	}
	return &syntax.Error{Code: c, Expr: arg}
}

func isValidCaptureName(name string) bool {
	if name == "" {
		return false
	}
	for _, c := range name {
		if c != '_' && !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			return false
		}
	}
	return true
}

// translate returns the pattern given to RE2 (named groups become plain groups, so Go's
// names and (?<name>) need not be RE2's) and the group names, index 0 the whole match.
func translate(expr string) (string, []string, error) {
	names := []string{""}
	var b []byte
	last := 0
	inClass := false
	for i := 0; i < len(expr); {
		c := expr[i]
		switch {
		case c == '\\':
			if i+1 >= len(expr) {
				i++
				continue
			}
			d := expr[i+1]
			if d == 'Q' && !inClass {
				j := strings.Index(expr[i+2:], `\E`)
				if j < 0 {
					i = len(expr)
				} else {
					i += 2 + j + 2
				}
				continue
			}
			if d == 'C' {
				return "", nil, &syntax.Error{Code: syntax.ErrInvalidEscape, Expr: `\C`}
			}
			i += 2
		case inClass:
			if c == '[' && i+1 < len(expr) && expr[i+1] == ':' {
				if j := strings.Index(expr[i+2:], ":]"); j >= 0 {
					i += 2 + j + 2
					continue
				}
			}
			if c == ']' {
				inClass = false
			}
			i++
		case c == '[':
			inClass = true
			i++
			if i < len(expr) && expr[i] == '^' {
				i++
			}
			if i < len(expr) && expr[i] == ']' {
				i++
			}
		case c == '(':
			if i+1 < len(expr) && expr[i+1] == '?' {
				hdr := 0
				if strings.HasPrefix(expr[i+2:], "P<") {
					hdr = 4
				} else if strings.HasPrefix(expr[i+2:], "<") {
					hdr = 3
				}
				if hdr > 0 {
					if end := strings.IndexByte(expr[i+hdr:], '>'); end >= 0 {
						name := expr[i+hdr : i+hdr+end]
						if isValidCaptureName(name) {
							names = append(names, name)
							b = append(b, expr[last:i]...)
							b = append(b, '(')
							i += hdr + end + 1
							last = i
							continue
						}
					}
				}
				i += 2
				continue
			}
			names = append(names, "")
			i++
		default:
			i++
		}
	}
	if b == nil {
		return expr, names, nil
	}
	b = append(b, expr[last:]...)
	return string(b), names, nil
}

func compileRegexp(expr string, posix bool) (*Regexp, error) {
	re2expr := expr
	names := []string(nil)
	if !posix {
		var err error
		re2expr, names, err = translate(expr)
		if err != nil {
			return nil, err
		}
	}
	h, groups, code, arg := compile(re2expr, posix, posix)
	if h == 0 {
		if re2expr != expr {
			_, _, code, arg = compile(expr, posix, posix)
		}
		if code == re2BadUTF8 {
			for i := 0; i < len(expr); {
				r, n := utf8.DecodeRuneInString(expr[i:])
				if r == utf8.RuneError && n == 1 {
					arg = expr[i:]
					break
				}
				i += n
			}
		}
		return nil, re2Error(code, arg)
	}
	if names == nil || len(names) != groups+1 {
		names = make([]string, groups+1)
	}
	return &Regexp{expr: expr, re2expr: re2expr, h: h, numSubexp: groups,
		subexpNames: names, posix: posix, longest: posix}, nil
}

// Compile parses a regular expression and returns, if successful, a Regexp object that
// can be used to match against text. Matching is leftmost-first, as Perl's.
func Compile(expr string) (*Regexp, error) {
	return compileRegexp(expr, false)
}

// CompilePOSIX is like Compile but restricts the regular expression to POSIX ERE
// (egrep) syntax and changes the match semantics to leftmost-longest.
func CompilePOSIX(expr string) (*Regexp, error) {
	return compileRegexp(expr, true)
}

func quote(s string) string {
	if strconv.CanBackquote(s) {
		return "`" + s + "`"
	}
	return strconv.Quote(s)
}

// MustCompile is like Compile but panics if the expression cannot be parsed.
func MustCompile(str string) *Regexp {
	regexp, err := Compile(str)
	if err != nil {
		panic(`regexp: Compile(` + quote(str) + `): ` + err.Error())
	}
	return regexp
}

// MustCompilePOSIX is like CompilePOSIX but panics if the expression cannot be parsed.
func MustCompilePOSIX(str string) *Regexp {
	regexp, err := CompilePOSIX(str)
	if err != nil {
		panic(`regexp: CompilePOSIX(` + quote(str) + `): ` + err.Error())
	}
	return regexp
}

// String returns the source text used to compile the regular expression.
func (re *Regexp) String() string {
	return re.expr
}

// Copy returns a new Regexp object copied from re.
func (re *Regexp) Copy() *Regexp {
	re2 := *re
	return &re2
}

// Longest makes future searches prefer leftmost-longest matches.
func (re *Regexp) Longest() {
	if re.longest {
		return
	}
	h, _, _, _ := compile(re.re2expr, re.posix, true)
	if h != 0 {
		re.h = h
		re.longest = true
	}
}

// NumSubexp returns the number of parenthesized subexpressions in this Regexp.
func (re *Regexp) NumSubexp() int {
	return re.numSubexp
}

// SubexpNames returns the names of the parenthesized subexpressions in this Regexp.
func (re *Regexp) SubexpNames() []string {
	return re.subexpNames
}

// SubexpIndex returns the index of the first subexpression with the given name, or -1.
func (re *Regexp) SubexpIndex(name string) int {
	if name != "" {
		for i, s := range re.subexpNames {
			if name == s {
				return i
			}
		}
	}
	return -1
}

// LiteralPrefix returns a literal string that must begin any match of the regular
// expression re, and whether that literal is the whole expression. Like Go's, it follows
// literals through groups and exact repeats; an alternation or a flag group gives "".
func (re *Regexp) LiteralPrefix() (prefix string, complete bool) {
	if hasBar(re.expr) {
		return "", false
	}
	var b []byte
	var groups []int
	s := re.expr
	for len(s) > 0 {
		start := len(b)
		switch {
		case strings.HasPrefix(s, "(?:"):
			groups = append(groups, len(b))
			s = s[3:]
			continue
		case strings.HasPrefix(s, "(?"):
			return string(b), false
		case s[0] == '(':
			groups = append(groups, len(b))
			s = s[1:]
			continue
		case s[0] == ')' && len(groups) > 0:
			start = groups[len(groups)-1]
			groups = groups[:len(groups)-1]
			s = s[1:]
		case s[0] == '\\' && len(s) > 1 && strings.IndexByte(specialBytes, s[1]) >= 0:
			b = append(b, s[1])
			s = s[2:]
		case strings.IndexByte(specialBytes, s[0]) >= 0:
			return string(b), false
		default:
			_, n := utf8.DecodeRuneInString(s)
			b = append(b, s[:n]...)
			s = s[n:]
		}
		if len(s) == 0 {
			break
		}
		switch s[0] {
		case '*', '?':
			return string(b[:start]), false
		case '+':
			return string(b), false
		case '{':
			j := strings.IndexByte(s, '}')
			n, err := -1, error(nil)
			if j > 0 {
				n, err = strconv.Atoi(s[1:j])
			}
			if err != nil || n < 0 {
				return string(b[:start]), false
			}
			unit := string(b[start:])
			b = append(b[:start], strings.Repeat(unit, n)...)
			s = s[j+1:]
		}
	}
	return string(b), len(groups) == 0
}

// hasBar reports whether expr has an unescaped '|' outside classes.
func hasBar(expr string) bool {
	inClass := false
	for i := 0; i < len(expr); i++ {
		switch c := expr[i]; {
		case c == '\\':
			i++
		case c == '[':
			inClass = true
		case c == ']':
			inClass = false
		case c == '|' && !inClass:
			return true
		}
	}
	return false
}

// doExecute finds the leftmost match of re in s at or after pos: ncap offset pairs.
func (re *Regexp) doExecute(s string, pos int, ncap int) []int {
	return match(re.h, s, pos, ncap)
}

// MatchString reports whether the string s contains any match of the regular expression.
func (re *Regexp) MatchString(s string) bool {
	return re.doExecute(s, 0, 0) != nil
}

// Match reports whether the byte slice b contains any match of the regular expression.
func (re *Regexp) Match(b []byte) bool {
	return re.doExecute(string(b), 0, 0) != nil
}

// readAll collects the runes of r as a string (the text a Reader method searches).
func readAll(r io.RuneReader) string {
	var b []byte
	for {
		c, _, err := r.ReadRune()
		if err != nil {
			break
		}
		b = utf8.AppendRune(b, c)
	}
	return string(b)
}

// MatchReader reports whether the text returned by the RuneReader contains any match.
func (re *Regexp) MatchReader(r io.RuneReader) bool {
	return re.MatchString(readAll(r))
}

// MatchString reports whether the string s contains any match of the regular expression
// pattern.
func MatchString(pattern string, s string) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchString(s), nil
}

// Match reports whether the byte slice b contains any match of the regular expression
// pattern.
func Match(pattern string, b []byte) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.Match(b), nil
}

// MatchReader reports whether the text returned by the RuneReader contains any match of
// the regular expression pattern.
func MatchReader(pattern string, r io.RuneReader) (matched bool, err error) {
	re, err := Compile(pattern)
	if err != nil {
		return false, err
	}
	return re.MatchReader(r), nil
}

const specialBytes = `\.+*?()|[]{}^$`

// QuoteMeta returns a string that escapes all regular expression metacharacters inside
// the argument text.
func QuoteMeta(s string) string {
	var i int
	for i = 0; i < len(s); i++ {
		if strings.IndexByte(specialBytes, s[i]) >= 0 {
			break
		}
	}
	if i >= len(s) {
		return s
	}
	b := make([]byte, 2*len(s)-i)
	copy(b, s[:i])
	j := i
	for ; i < len(s); i++ {
		if strings.IndexByte(specialBytes, s[i]) >= 0 {
			b[j] = '\\'
			j++
		}
		b[j] = s[i]
		j++
	}
	return string(b[:j])
}

// Find returns a slice holding the text of the leftmost match in b; nil for no match.
func (re *Regexp) Find(b []byte) []byte {
	a := re.doExecute(string(b), 0, 1)
	if a == nil {
		return nil
	}
	return b[a[0]:a[1]:a[1]]
}

// FindIndex returns the location of the leftmost match in b; nil for no match.
func (re *Regexp) FindIndex(b []byte) (loc []int) {
	a := re.doExecute(string(b), 0, 1)
	if a == nil {
		return nil
	}
	return a[0:2]
}

// FindString returns the text of the leftmost match in s; "" for no match.
func (re *Regexp) FindString(s string) string {
	a := re.doExecute(s, 0, 1)
	if a == nil {
		return ""
	}
	return s[a[0]:a[1]]
}

// FindStringIndex returns the location of the leftmost match in s; nil for no match.
func (re *Regexp) FindStringIndex(s string) (loc []int) {
	a := re.doExecute(s, 0, 1)
	if a == nil {
		return nil
	}
	return a[0:2]
}

// FindReaderIndex returns the location of the leftmost match in the text read from r.
func (re *Regexp) FindReaderIndex(r io.RuneReader) (loc []int) {
	return re.FindStringIndex(readAll(r))
}

// FindSubmatch returns the texts of the leftmost match and its subexpressions.
func (re *Regexp) FindSubmatch(b []byte) [][]byte {
	a := re.doExecute(string(b), 0, re.numSubexp+1)
	if a == nil {
		return nil
	}
	ret := make([][]byte, 1+re.numSubexp)
	for i := range ret {
		if 2*i < len(a) && a[2*i] >= 0 {
			ret[i] = b[a[2*i]:a[2*i+1]:a[2*i+1]]
		}
	}
	return ret
}

// FindSubmatchIndex returns the index pairs of the leftmost match and its subexpressions.
func (re *Regexp) FindSubmatchIndex(b []byte) []int {
	return re.doExecute(string(b), 0, re.numSubexp+1)
}

// FindStringSubmatch returns the texts of the leftmost match and its subexpressions.
func (re *Regexp) FindStringSubmatch(s string) []string {
	a := re.doExecute(s, 0, re.numSubexp+1)
	if a == nil {
		return nil
	}
	ret := make([]string, 1+re.numSubexp)
	for i := range ret {
		if 2*i < len(a) && a[2*i] >= 0 {
			ret[i] = s[a[2*i]:a[2*i+1]]
		}
	}
	return ret
}

// FindStringSubmatchIndex returns the index pairs of the leftmost match and its
// subexpressions.
func (re *Regexp) FindStringSubmatchIndex(s string) []int {
	return re.doExecute(s, 0, re.numSubexp+1)
}

// FindReaderSubmatchIndex returns the index pairs of the leftmost match in the text read
// from r and its subexpressions.
func (re *Regexp) FindReaderSubmatchIndex(r io.RuneReader) []int {
	return re.FindStringSubmatchIndex(readAll(r))
}

const startSize = 10 // The size at which to start a slice in the 'All' routines.

// allMatches calls deliver at most n times with the location of successive matches in s,
// skipping an empty match right after a previous match, as Go does.
func (re *Regexp) allMatches(s string, n int, ncap int, deliver func([]int)) {
	end := len(s)
	for pos, i, prevMatchEnd := 0, 0, -1; i < n && pos <= end; {
		matches := re.doExecute(s, pos, ncap)
		if len(matches) == 0 {
			break
		}
		accept := true
		if matches[1] == pos {
			// An empty match: not allowed right after a previous match.
			if matches[0] == prevMatchEnd {
				accept = false
			}
			_, width := utf8.DecodeRuneInString(s[pos:end])
			if width > 0 {
				pos += width
			} else {
				pos = end + 1
			}
		} else {
			pos = matches[1]
		}
		prevMatchEnd = matches[1]
		if accept {
			deliver(matches)
			i++
		}
	}
}

// FindAll is the 'All' version of Find.
func (re *Regexp) FindAll(b []byte, n int) [][]byte {
	if n < 0 {
		n = len(b) + 1
	}
	var result [][]byte
	re.allMatches(string(b), n, 1, func(match []int) {
		if result == nil {
			result = make([][]byte, 0, startSize)
		}
		result = append(result, b[match[0]:match[1]:match[1]])
	})
	return result
}

// FindAllIndex is the 'All' version of FindIndex.
func (re *Regexp) FindAllIndex(b []byte, n int) [][]int {
	if n < 0 {
		n = len(b) + 1
	}
	var result [][]int
	re.allMatches(string(b), n, 1, func(match []int) {
		if result == nil {
			result = make([][]int, 0, startSize)
		}
		result = append(result, match[0:2])
	})
	return result
}

// FindAllString is the 'All' version of FindString.
func (re *Regexp) FindAllString(s string, n int) []string {
	if n < 0 {
		n = len(s) + 1
	}
	var result []string
	re.allMatches(s, n, 1, func(match []int) {
		if result == nil {
			result = make([]string, 0, startSize)
		}
		result = append(result, s[match[0]:match[1]])
	})
	return result
}

// FindAllStringIndex is the 'All' version of FindStringIndex.
func (re *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if n < 0 {
		n = len(s) + 1
	}
	var result [][]int
	re.allMatches(s, n, 1, func(match []int) {
		if result == nil {
			result = make([][]int, 0, startSize)
		}
		result = append(result, match[0:2])
	})
	return result
}

// FindAllSubmatch is the 'All' version of FindSubmatch.
func (re *Regexp) FindAllSubmatch(b []byte, n int) [][][]byte {
	if n < 0 {
		n = len(b) + 1
	}
	var result [][][]byte
	re.allMatches(string(b), n, re.numSubexp+1, func(match []int) {
		if result == nil {
			result = make([][][]byte, 0, startSize)
		}
		slice := make([][]byte, len(match)/2)
		for j := range slice {
			if match[2*j] >= 0 {
				slice[j] = b[match[2*j]:match[2*j+1]:match[2*j+1]]
			}
		}
		result = append(result, slice)
	})
	return result
}

// FindAllSubmatchIndex is the 'All' version of FindSubmatchIndex.
func (re *Regexp) FindAllSubmatchIndex(b []byte, n int) [][]int {
	if n < 0 {
		n = len(b) + 1
	}
	var result [][]int
	re.allMatches(string(b), n, re.numSubexp+1, func(match []int) {
		if result == nil {
			result = make([][]int, 0, startSize)
		}
		result = append(result, match)
	})
	return result
}

// FindAllStringSubmatch is the 'All' version of FindStringSubmatch.
func (re *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if n < 0 {
		n = len(s) + 1
	}
	var result [][]string
	re.allMatches(s, n, re.numSubexp+1, func(match []int) {
		if result == nil {
			result = make([][]string, 0, startSize)
		}
		slice := make([]string, len(match)/2)
		for j := range slice {
			if match[2*j] >= 0 {
				slice[j] = s[match[2*j]:match[2*j+1]]
			}
		}
		result = append(result, slice)
	})
	return result
}

// FindAllStringSubmatchIndex is the 'All' version of FindStringSubmatchIndex.
func (re *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if n < 0 {
		n = len(s) + 1
	}
	var result [][]int
	re.allMatches(s, n, re.numSubexp+1, func(match []int) {
		if result == nil {
			result = make([][]int, 0, startSize)
		}
		result = append(result, match)
	})
	return result
}

// replaceAll walks the matches of re in src as Go does (no replacement for an empty match
// right after a match; always advance at least one character) and builds the output with
// repl; nmatch is the number of offsets repl needs.
func (re *Regexp) replaceAll(src string, nmatch int, repl func(dst []byte, m []int) []byte) []byte {
	lastMatchEnd := 0
	searchPos := 0
	var buf []byte
	end := len(src)
	for searchPos <= end {
		a := re.doExecute(src, searchPos, nmatch/2)
		if len(a) == 0 {
			break
		}
		buf = append(buf, src[lastMatchEnd:a[0]]...)
		if a[1] > lastMatchEnd || a[0] == 0 {
			buf = repl(buf, a)
		}
		lastMatchEnd = a[1]
		_, width := utf8.DecodeRuneInString(src[searchPos:end])
		if searchPos+width > a[1] {
			searchPos += width
		} else if searchPos+1 > a[1] {
			searchPos++
		} else {
			searchPos = a[1]
		}
	}
	buf = append(buf, src[lastMatchEnd:]...)
	return buf
}

// ReplaceAllString returns a copy of src, replacing matches of the Regexp with the
// replacement string repl, in which $ signs are interpreted as in Expand.
func (re *Regexp) ReplaceAllString(src, repl string) string {
	n := 2
	if strings.Contains(repl, "$") {
		n = 2 * (re.numSubexp + 1)
	}
	b := re.replaceAll(src, n, func(dst []byte, match []int) []byte {
		return re.expand(dst, repl, src, match)
	})
	return string(b)
}

// ReplaceAllLiteralString returns a copy of src, replacing matches of the Regexp with the
// replacement string repl, used literally.
func (re *Regexp) ReplaceAllLiteralString(src, repl string) string {
	return string(re.replaceAll(src, 2, func(dst []byte, match []int) []byte {
		return append(dst, repl...)
	}))
}

// ReplaceAllStringFunc returns a copy of src in which all matches of the Regexp have been
// replaced by the return value of repl applied to the matched substring.
func (re *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	b := re.replaceAll(src, 2, func(dst []byte, match []int) []byte {
		return append(dst, repl(src[match[0]:match[1]])...)
	})
	return string(b)
}

// ReplaceAll returns a copy of src, replacing matches of the Regexp with the replacement
// text repl, in which $ signs are interpreted as in Expand.
func (re *Regexp) ReplaceAll(src, repl []byte) []byte {
	n := 2
	if strings.IndexByte(string(repl), '$') >= 0 {
		n = 2 * (re.numSubexp + 1)
	}
	s, srepl := string(src), string(repl)
	return re.replaceAll(s, n, func(dst []byte, match []int) []byte {
		return re.expand(dst, srepl, s, match)
	})
}

// ReplaceAllLiteral returns a copy of src, replacing matches of the Regexp with the
// replacement bytes repl, used literally.
func (re *Regexp) ReplaceAllLiteral(src, repl []byte) []byte {
	return re.replaceAll(string(src), 2, func(dst []byte, match []int) []byte {
		return append(dst, repl...)
	})
}

// ReplaceAllFunc returns a copy of src in which all matches of the Regexp have been
// replaced by the return value of repl applied to the matched byte slice.
func (re *Regexp) ReplaceAllFunc(src []byte, repl func([]byte) []byte) []byte {
	return re.replaceAll(string(src), 2, func(dst []byte, match []int) []byte {
		return append(dst, repl(src[match[0]:match[1]])...)
	})
}

// Expand appends template to dst, with variables ($1, $name, ${name}) replaced by the
// corresponding submatches of src, and returns the result.
func (re *Regexp) Expand(dst []byte, template []byte, src []byte, match []int) []byte {
	return re.expand(dst, string(template), string(src), match)
}

// ExpandString is like Expand but the template and source are strings.
func (re *Regexp) ExpandString(dst []byte, template string, src string, match []int) []byte {
	return re.expand(dst, template, src, match)
}

func (re *Regexp) expand(dst []byte, template string, src string, match []int) []byte {
	for len(template) > 0 {
		before, after, ok := strings.Cut(template, "$")
		if !ok {
			break
		}
		dst = append(dst, before...)
		template = after
		if template != "" && template[0] == '$' {
			// Treat $$ as $.
			dst = append(dst, '$')
			template = template[1:]
			continue
		}
		name, num, rest, ok := extract(template)
		if !ok {
			// Malformed; treat $ as raw text.
			dst = append(dst, '$')
			continue
		}
		template = rest
		if num >= 0 {
			if 2*num+1 < len(match) && match[2*num] >= 0 {
				dst = append(dst, src[match[2*num]:match[2*num+1]]...)
			}
		} else {
			for i, namei := range re.subexpNames {
				if name == namei && 2*i+1 < len(match) && match[2*i] >= 0 {
					dst = append(dst, src[match[2*i]:match[2*i+1]]...)
					break
				}
			}
		}
	}
	dst = append(dst, template...)
	return dst
}

// extract returns the name from a leading "name" or "{name}" in str, its number if it is
// one (else -1), and the rest of str; ok is false for a malformed reference.
func extract(str string) (name string, num int, rest string, ok bool) {
	if str == "" {
		return
	}
	brace := false
	if str[0] == '{' {
		brace = true
		str = str[1:]
	}
	i := 0
	for i < len(str) {
		r, size := utf8.DecodeRuneInString(str[i:])
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
			break
		}
		i += size
	}
	if i == 0 {
		// empty name is not okay
		return
	}
	name = str[:i]
	if brace {
		if i >= len(str) || str[i] != '}' {
			// missing closing brace
			return
		}
		i++
	}
	num = 0
	for i := 0; i < len(name); i++ {
		if name[i] < '0' || '9' < name[i] || num >= 1e8 {
			num = -1
			break
		}
		num = num*10 + int(name[i]) - '0'
	}
	// Disallow leading zeros.
	if name[0] == '0' && len(name) > 1 {
		num = -1
	}
	rest = str[i:]
	ok = true
	return
}

// Split slices s into substrings separated by the expression and returns a slice of the
// substrings between those expression matches; n < 0 means all of them.
func (re *Regexp) Split(s string, n int) []string {
	if n == 0 {
		return nil
	}
	if len(re.expr) > 0 && len(s) == 0 {
		return []string{""}
	}
	matches := re.FindAllStringIndex(s, n)
	strings := make([]string, 0, len(matches))
	beg := 0
	end := 0
	for _, match := range matches {
		if n > 0 && len(strings) == n-1 {
			break
		}
		end = match[0]
		if match[1] != 0 {
			strings = append(strings, s[beg:end])
		}
		beg = match[1]
	}
	if end != len(s) {
		strings = append(strings, s[beg:])
	}
	return strings
}

// MarshalText implements encoding.TextMarshaler: the regexp's source text.
func (re *Regexp) MarshalText() ([]byte, error) {
	return []byte(re.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler by compiling the encoded value.
func (re *Regexp) UnmarshalText(text []byte) error {
	newRE, err := Compile(string(text))
	if err != nil {
		return err
	}
	*re = *newRE
	return nil
}
