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
// expression re, and whether that literal is the whole expression. It follows Go's
// result: literals (escapes, \Q...\E, one-character classes), groups, exact repeats, and
// for an alternation the branches' common prefix, as Go's parser factors it.
func (re *Regexp) LiteralPrefix() (prefix string, complete bool) {
	p, c := literalPrefix(re.expr)
	return p, c
}

// literalPrefix is LiteralPrefix of pattern text expr.
func literalPrefix(expr string) (string, bool) {
	branches := splitBar(expr)
	if len(branches) > 1 {
		common, _ := literalPrefix(branches[0])
		for _, b := range branches[1:] {
			p, _ := literalPrefix(b)
			n := 0
			for n < len(common) && n < len(p) && common[n] == p[n] {
				n++
			}
			common = common[:n]
		}
		return common, false
	}
	var b []byte
	s := expr
	for len(s) > 0 {
		start := len(b)
		unit, rest, ok := literalAtom(s)
		if !ok {
			return string(b), false
		}
		s = rest
		complete := true
		if strings.HasPrefix(unit, "\x00group:") { // a group: its own prefix
			unit, complete = unit[len("\x00group:"):len(unit)-1], unit[len(unit)-1] == 't'
		}
		b = append(b, unit...)
		min, max, rest, q := quantifier(s)
		if q {
			s = rest
			b = append(b[:start], strings.Repeat(string(b[start:]), min)...)
			if min != max || !complete && min > 0 {
				return string(b), false
			}
			continue
		}
		if !complete {
			return string(b), false
		}
	}
	return string(b), true
}

// splitBar splits expr at its top-level '|'s.
func splitBar(expr string) []string {
	var parts []string
	depth, last := 0, 0
	inClass := false
	for i := 0; i < len(expr); i++ {
		switch c := expr[i]; {
		case c == '\\':
			if strings.HasPrefix(expr[i:], `\Q`) && !inClass {
				if j := strings.Index(expr[i+2:], `\E`); j >= 0 {
					i += 2 + j + 1
				} else {
					i = len(expr)
				}
				continue
			}
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
			if i+1 < len(expr) && expr[i+1] == ']' {
				i++
			}
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			parts = append(parts, expr[last:i])
			last = i + 1
		}
	}
	return append(parts, expr[last:])
}

// literalAtom reads the literal text of the atom at the start of s (a group comes back
// as "\x00group:" + its prefix + 't' or 'f' for complete); ok is false when the atom is
// not a literal (., ^, a class, \d, a case-folding flag...).
func literalAtom(s string) (unit, rest string, ok bool) {
	c := s[0]
	switch {
	case strings.HasPrefix(s, `\Q`):
		j := strings.Index(s, `\E`)
		if j < 0 {
			return s[2:], "", true
		}
		if j == 2 {
			return "", s[4:], true
		}
		// A quantifier that follows applies to the last character only: return the
		// others first.
		_, n := utf8.DecodeLastRuneInString(s[2:j])
		if j-2 == n {
			return s[2:j], s[j+2:], true
		}
		return s[2 : j-n], `\Q` + s[j-n:], true
	case c == '\\' && len(s) > 1:
		d := s[1]
		if strings.IndexByte(specialBytes, d) >= 0 || d == '-' || d == '/' || d == '#' || d == ' ' {
			return s[1:2], s[2:], true
		}
		if i := strings.IndexByte("ntrfva", d); i >= 0 {
			return string("\n\t\r\f\v\a"[i]), s[2:], true
		}
		if d == 'x' {
			var hex string
			end := 4
			if strings.HasPrefix(s[2:], "{") {
				j := strings.IndexByte(s, '}')
				if j < 0 {
					return "", "", false
				}
				hex, end = s[3:j], j+1
			} else if len(s) >= 4 {
				hex = s[2:4]
			}
			v, err := strconv.ParseUint(hex, 16, 32)
			if err != nil {
				return "", "", false
			}
			return string(rune(v)), s[end:], true
		}
		return "", "", false
	case c == '[':
		// A class of one literal character: [b].
		r, n := utf8.DecodeRuneInString(s[1:])
		if n > 0 && 1+n < len(s) && s[1+n] == ']' && strings.IndexByte(`\^]-[`, s[1]) < 0 {
			return string(r), s[2+n:], true
		}
		return "", "", false
	case c == '(':
		end := closeParen(s)
		if end < 0 {
			return "", "", false
		}
		inner := s[1:end]
		if strings.HasPrefix(inner, "?") {
			colon := strings.IndexByte(inner, ':')
			named := strings.HasPrefix(inner, "?P<") || strings.HasPrefix(inner, "?<")
			if named {
				inner = inner[strings.IndexByte(inner, '>')+1:]
			} else if colon < 0 { // (?flags): only case folding changes literals
				if strings.ContainsRune(inner[1:], 'i') && !strings.Contains(inner, "-") {
					return "", "", false
				}
				return "", s[end+1:], true
			} else {
				if strings.ContainsRune(inner[1:colon], 'i') {
					return "", "", false
				}
				inner = inner[colon+1:]
			}
		}
		p, complete := literalPrefix(inner)
		flag := "f"
		if complete {
			flag = "t"
		}
		return "\x00group:" + p + flag, s[end+1:], true
	case c == '{' || c == '}': // not a repeat count here: a literal brace
	case strings.IndexByte(specialBytes, c) >= 0:
		return "", "", false
	}
	_, n := utf8.DecodeRuneInString(s)
	return s[:n], s[n:], true
}

// closeParen returns the index of the ')' closing the '(' at s[0], or -1.
func closeParen(s string) int {
	depth := 0
	inClass := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\\':
			i++
		case inClass:
			if c == ']' {
				inClass = false
			}
		case c == '[':
			inClass = true
		case c == '(':
			depth++
		case c == ')':
			depth--
			if depth == 0 {
				return i
			}
		}
	}
	return -1
}

// quantifier reads a repetition operator at the start of s: its minimum and maximum
// counts (max -1: unbounded) and what follows it (a lazy '?' included).
func quantifier(s string) (min, max int, rest string, ok bool) {
	if s == "" {
		return 0, 0, s, false
	}
	switch s[0] {
	case '*':
		min, max, rest = 0, -1, s[1:]
	case '+':
		min, max, rest = 1, -1, s[1:]
	case '?':
		min, max, rest = 0, 1, s[1:]
	case '{':
		j := strings.IndexByte(s, '}')
		if j < 0 {
			return 0, 0, s, false
		}
		lo, hi, found := strings.Cut(s[1:j], ",")
		var err error
		if min, err = strconv.Atoi(lo); err != nil {
			return 0, 0, s, false
		}
		max = min
		if found {
			max = -1
			if hi != "" {
				if max, err = strconv.Atoi(hi); err != nil {
					return 0, 0, s, false
				}
			}
		}
		rest = s[j+1:]
	default:
		return 0, 0, s, false
	}
	if strings.HasPrefix(rest, "?") {
		rest = rest[1:]
	}
	return min, max, rest, true
}

// An input is the text RE2 searches for a string: the string itself when it is valid
// UTF-8; otherwise a copy in which each byte that is not part of a valid encoding becomes
// U+FFFD, which is how Go's matcher reads it (one rune of width 1), with the maps between
// the two sets of byte offsets.
type input struct {
	s   string
	off []int // nil for valid UTF-8; else off[j] is the string's offset of s[j]
	rev []int // the string's offset i -> its offset in s
}

func makeInput(str string) input {
	if utf8.ValidString(str) {
		return input{s: str}
	}
	var b []byte
	off := make([]int, 0, len(str)+8)
	rev := make([]int, len(str)+1)
	for i := 0; i < len(str); {
		r, w := utf8.DecodeRuneInString(str[i:])
		rev[i] = len(b)
		if r == utf8.RuneError && w == 1 {
			b = append(b, "\uFFFD"...)
			off = append(off, i, i, i)
		} else {
			b = append(b, str[i:i+w]...)
			for k := 0; k < w; k++ {
				off = append(off, i+k)
				rev[i+k] = len(b) - w + k
			}
		}
		i += w
	}
	rev[len(str)] = len(b)
	off = append(off, len(str))
	return input{s: string(b), off: off, rev: rev}
}

// doExecute finds the leftmost match of re in the input at or after byte pos (an offset
// in the original string): ncap offset pairs in the original string.
func (re *Regexp) doExecute(in input, pos int, ncap int) []int {
	if in.off == nil {
		return match(re.h, in.s, pos, ncap)
	}
	a := match(re.h, in.s, in.rev[pos], ncap)
	for i := range a {
		if a[i] >= 0 {
			a[i] = in.off[a[i]]
		}
	}
	return a
}

// MatchString reports whether the string s contains any match of the regular expression.
func (re *Regexp) MatchString(s string) bool {
	return re.doExecute(makeInput(s), 0, 0) != nil
}

// Match reports whether the byte slice b contains any match of the regular expression.
func (re *Regexp) Match(b []byte) bool {
	return re.doExecute(makeInput(string(b)), 0, 0) != nil
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
	a := re.doExecute(makeInput(string(b)), 0, 1)
	if a == nil {
		return nil
	}
	return b[a[0]:a[1]:a[1]]
}

// FindIndex returns the location of the leftmost match in b; nil for no match.
func (re *Regexp) FindIndex(b []byte) (loc []int) {
	a := re.doExecute(makeInput(string(b)), 0, 1)
	if a == nil {
		return nil
	}
	return a[0:2]
}

// FindString returns the text of the leftmost match in s; "" for no match.
func (re *Regexp) FindString(s string) string {
	a := re.doExecute(makeInput(s), 0, 1)
	if a == nil {
		return ""
	}
	return s[a[0]:a[1]]
}

// FindStringIndex returns the location of the leftmost match in s; nil for no match.
func (re *Regexp) FindStringIndex(s string) (loc []int) {
	a := re.doExecute(makeInput(s), 0, 1)
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
	a := re.doExecute(makeInput(string(b)), 0, re.numSubexp+1)
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
	return re.doExecute(makeInput(string(b)), 0, re.numSubexp+1)
}

// FindStringSubmatch returns the texts of the leftmost match and its subexpressions.
func (re *Regexp) FindStringSubmatch(s string) []string {
	a := re.doExecute(makeInput(s), 0, re.numSubexp+1)
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
	return re.doExecute(makeInput(s), 0, re.numSubexp+1)
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
	in := makeInput(s)
	for pos, i, prevMatchEnd := 0, 0, -1; i < n && pos <= end; {
		matches := re.doExecute(in, pos, ncap)
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
	in := makeInput(src)
	for searchPos <= end {
		a := re.doExecute(in, searchPos, nmatch/2)
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
