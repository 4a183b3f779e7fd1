// The lexer of text/template (Go's text/template/parse/lex.go): it turns a template's text
// into items all at once (Go's runs in a goroutine), with delimiters, trim markers, comments,
// and Go's number and quote syntax.
package template

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// ---- lexer ----

type itemType int

const (
	itemError itemType = iota
	itemBool
	itemChar
	itemCharConstant
	itemComment
	itemComplex
	itemAssign
	itemDeclare
	itemEOF
	itemField
	itemIdentifier
	itemLeftDelim
	itemLeftParen
	itemNumber
	itemPipe
	itemRawString
	itemRightDelim
	itemRightParen
	itemSpace
	itemString
	itemText
	itemVariable
	itemKeyword // keywords follow
	itemBlock
	itemBreak
	itemContinue
	itemDot
	itemDefine
	itemElse
	itemEnd
	itemIf
	itemNil
	itemRange
	itemTemplate
	itemWith
)

var keywords = map[string]itemType{
	".":        itemDot,
	"block":    itemBlock,
	"break":    itemBreak,
	"continue": itemContinue,
	"define":   itemDefine,
	"else":     itemElse,
	"end":      itemEnd,
	"if":       itemIf,
	"range":    itemRange,
	"nil":      itemNil,
	"template": itemTemplate,
	"with":     itemWith,
}

type item struct {
	typ  itemType
	pos  int
	val  string
	line int
}

func (i item) String() string {
	switch {
	case i.typ == itemEOF:
		return "EOF"
	case i.typ == itemError:
		return i.val
	case i.typ > itemKeyword:
		return fmt.Sprintf("<%s>", i.val)
	case len(i.val) > 10:
		return fmt.Sprintf("%.10q...", i.val)
	}
	return fmt.Sprintf("%q", i.val)
}

const (
	trimMarker    = '-'
	trimMarkerLen = 2 // marker plus the space after or before it
)

// lexer turns a template's text into items, all at once.
type lexer struct {
	input      string
	leftDelim  string
	rightDelim string
	pos        int
	start      int
	line       int
	startLine  int
	items      []item
	parenDepth int
	insideAct  bool
	breakOK    bool
	continueOK bool
	failed     bool
}

func (l *lexer) emit(t itemType) {
	l.items = append(l.items, item{t, l.start, l.input[l.start:l.pos], l.startLine})
	l.start = l.pos
	l.startLine = l.line
}

func (l *lexer) ignore() {
	l.line += strings.Count(l.input[l.start:l.pos], "\n")
	l.start = l.pos
	l.startLine = l.line
}

func (l *lexer) next() rune {
	if l.pos >= len(l.input) {
		return -1
	}
	r, w := utf8.DecodeRuneInString(l.input[l.pos:])
	l.pos += w
	if r == '\n' {
		l.line++
	}
	return r
}

func (l *lexer) backup(r rune) {
	if r < 0 {
		return
	}
	l.pos -= utf8.RuneLen(r)
	if r == '\n' {
		l.line--
	}
}

func (l *lexer) peek() rune {
	r := l.next()
	l.backup(r)
	return r
}

func (l *lexer) errorf(format string, args ...any) {
	l.items = append(l.items, item{itemError, l.start, fmt.Sprintf(format, args...), l.startLine})
	l.failed = true
}

func isSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\r' || r == '\n'
}

func isAlphaNumeric(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

func rightTrimLength(s string) int {
	return len(s) - len(strings.TrimRight(s, " \t\r\n"))
}

func leftTrimLength(s string) int {
	return len(s) - len(strings.TrimLeft(s, " \t\r\n"))
}

func lex(input, left, right string) []item {
	if left == "" {
		left = "{{"
	}
	if right == "" {
		right = "}}"
	}
	l := &lexer{input: input, leftDelim: left, rightDelim: right, line: 1, startLine: 1}
	for !l.failed && l.lexText() {
	}
	return l.items
}

// lexText scans text up to the next left delimiter; false at the end of the input.
func (l *lexer) lexText() bool {
	if x := strings.Index(l.input[l.pos:], l.leftDelim); x >= 0 {
		if x > 0 {
			l.pos += x
			trimLength := 0
			delimEnd := l.pos + len(l.leftDelim)
			if hasLeftTrimMarker(l.input[delimEnd:]) {
				trimLength = rightTrimLength(l.input[l.start:l.pos])
			}
			l.pos -= trimLength
			l.line += strings.Count(l.input[l.start:l.pos], "\n")
			i := item{itemText, l.start, l.input[l.start:l.pos], l.startLine}
			l.start = l.pos
			l.startLine = l.line
			l.pos += trimLength
			l.ignore()
			if len(i.val) > 0 {
				l.items = append(l.items, i)
			}
		}
		l.lexLeftDelim()
		return true
	}
	l.pos = len(l.input)
	if l.pos > l.start {
		l.line += strings.Count(l.input[l.start:l.pos], "\n")
		l.emit(itemText)
	}
	l.emit(itemEOF)
	return false
}

func hasLeftTrimMarker(s string) bool {
	return len(s) >= trimMarkerLen && s[0] == trimMarker && isSpace(rune(s[1]))
}

func (l *lexer) atRightDelim() (delim, trimSpaces bool) {
	if hasRightTrimMarker(l.input[l.pos:]) && strings.HasPrefix(l.input[l.pos+trimMarkerLen:], l.rightDelim) {
		return true, true
	}
	if strings.HasPrefix(l.input[l.pos:], l.rightDelim) {
		return true, false
	}
	return false, false
}

func hasRightTrimMarker(s string) bool {
	return len(s) >= trimMarkerLen && s[1] == trimMarker && isSpace(rune(s[0]))
}

func (l *lexer) lexLeftDelim() {
	l.pos += len(l.leftDelim)
	trimSpace := hasLeftTrimMarker(l.input[l.pos:])
	afterMarker := 0
	if trimSpace {
		afterMarker = trimMarkerLen
	}
	if strings.HasPrefix(l.input[l.pos+afterMarker:], "/*") {
		l.pos += afterMarker
		l.ignore()
		l.lexComment()
		return
	}
	l.emit(itemLeftDelim)
	l.pos += afterMarker
	l.ignore()
	l.parenDepth = 0
	l.lexInsideAction()
}

func (l *lexer) lexComment() {
	l.pos += 2
	x := strings.Index(l.input[l.pos:], "*/")
	if x < 0 {
		l.errorf("unclosed comment")
		return
	}
	l.pos += x + 2
	delim, trimSpace := l.atRightDelim()
	if !delim {
		l.errorf("comment ends before closing delimiter")
		return
	}
	l.emit(itemComment)
	if trimSpace {
		l.pos += trimMarkerLen
	}
	l.pos += len(l.rightDelim)
	if trimSpace {
		l.pos += leftTrimLength(l.input[l.pos:])
	}
	l.ignore()
}

func (l *lexer) lexRightDelim(trimSpace bool) {
	if trimSpace {
		l.pos += trimMarkerLen
		l.ignore()
	}
	l.pos += len(l.rightDelim)
	l.emit(itemRightDelim)
	if trimSpace {
		l.pos += leftTrimLength(l.input[l.pos:])
		l.ignore()
	}
}

// lexInsideAction scans the elements inside an action up to its right delimiter.
func (l *lexer) lexInsideAction() {
	for !l.failed {
		delim, trimSpace := l.atRightDelim()
		if delim {
			if l.parenDepth == 0 {
				l.lexRightDelim(trimSpace)
				return
			}
			l.errorf("unclosed left paren")
			return
		}
		r := l.next()
		switch {
		case r == -1:
			l.errorf("unclosed action")
			return
		case isSpace(r):
			l.backup(r)
			l.lexSpace()
		case r == '=':
			l.emit(itemAssign)
		case r == ':':
			if l.next() != '=' {
				l.errorf("expected :=")
				return
			}
			l.emit(itemDeclare)
		case r == '|':
			l.emit(itemPipe)
		case r == '"':
			l.lexQuote()
		case r == '`':
			l.lexRawQuote()
		case r == '$':
			l.lexVariable()
		case r == '\'':
			l.lexChar()
		case r == '.':
			if l.pos < len(l.input) {
				if r := l.input[l.pos]; r < '0' || '9' < r {
					l.lexField()
					continue
				}
			}
			fallthrough
		case r == '+' || r == '-' || ('0' <= r && r <= '9'):
			l.backup(r)
			l.lexNumber()
		case isAlphaNumeric(r):
			l.backup(r)
			l.lexIdentifier()
		case r == '(':
			l.emit(itemLeftParen)
			l.parenDepth++
		case r == ')':
			l.parenDepth--
			if l.parenDepth < 0 {
				l.errorf("unexpected right paren")
				return
			}
			l.emit(itemRightParen)
		case r <= unicode.MaxASCII && unicode.IsPrint(r):
			l.emit(itemChar)
		default:
			l.errorf("unrecognized character in action: %#U", r)
			return
		}
	}
}

func (l *lexer) lexSpace() {
	var r rune
	var numSpaces int
	for {
		r = l.peek()
		if !isSpace(r) {
			break
		}
		l.next()
		numSpaces++
	}
	if hasRightTrimMarker(l.input[l.pos-1:]) && strings.HasPrefix(l.input[l.pos-1+trimMarkerLen:], l.rightDelim) {
		l.pos-- // the last space belongs to the " -}}" marker
		if l.input[l.pos] == '\n' {
			l.line--
		}
		if numSpaces == 1 {
			return
		}
	}
	l.emit(itemSpace)
}

func (l *lexer) lexIdentifier() {
	for {
		r := l.next()
		if isAlphaNumeric(r) {
			continue
		}
		l.backup(r)
		word := l.input[l.start:l.pos]
		if !l.atTerminator() {
			l.errorf("bad character %#U", r)
			return
		}
		switch {
		case keywords[word] > itemKeyword:
			l.emit(keywords[word])
		case word[0] == '.':
			l.emit(itemField)
		case word == "true", word == "false":
			l.emit(itemBool)
		default:
			l.emit(itemIdentifier)
		}
		return
	}
}

func (l *lexer) lexField() {
	l.lexFieldOrVariable(itemField)
}

func (l *lexer) lexVariable() {
	l.lexFieldOrVariable(itemVariable)
}

func (l *lexer) lexFieldOrVariable(typ itemType) {
	if l.atTerminator() {
		if typ == itemVariable {
			l.emit(itemVariable)
		} else {
			l.emit(itemDot)
		}
		return
	}
	var r rune
	for {
		r = l.next()
		if !isAlphaNumeric(r) {
			l.backup(r)
			break
		}
	}
	if !l.atTerminator() {
		l.errorf("bad character %#U", r)
		return
	}
	l.emit(typ)
}

func (l *lexer) atTerminator() bool {
	r := l.peek()
	if isSpace(r) {
		return true
	}
	switch r {
	case -1, '.', ',', '|', ':', ')', '(':
		return true
	}
	return strings.HasPrefix(l.input[l.pos:], l.rightDelim)
}

func (l *lexer) lexChar() {
	for {
		switch l.next() {
		case '\\':
			if r := l.next(); r != -1 && r != '\n' {
				continue
			}
			fallthrough
		case -1, '\n':
			l.errorf("unterminated character constant")
			return
		case '\'':
			l.emit(itemCharConstant)
			return
		}
	}
}

func (l *lexer) lexNumber() {
	if !l.scanNumber() {
		l.errorf("bad number syntax: %q", l.input[l.start:l.pos])
		return
	}
	if sign := l.peek(); sign == '+' || sign == '-' {
		// complex: 1+2i, no spaces, ending in 'i'
		if !l.scanNumber() || l.input[l.pos-1] != 'i' {
			l.errorf("bad number syntax: %q", l.input[l.start:l.pos])
			return
		}
		l.emit(itemComplex)
		return
	}
	l.emit(itemNumber)
}

func (l *lexer) accept(valid string) bool {
	r := l.next()
	if r >= 0 && strings.ContainsRune(valid, r) {
		return true
	}
	l.backup(r)
	return false
}

func (l *lexer) acceptRun(valid string) {
	for {
		r := l.next()
		if r < 0 || !strings.ContainsRune(valid, r) {
			l.backup(r)
			return
		}
	}
}

func (l *lexer) scanNumber() bool {
	l.accept("+-")
	digits := "0123456789_"
	if l.accept("0") {
		if l.accept("xX") {
			digits = "0123456789abcdefABCDEF_"
		} else if l.accept("oO") {
			digits = "01234567_"
		} else if l.accept("bB") {
			digits = "01_"
		}
	}
	l.acceptRun(digits)
	if l.accept(".") {
		l.acceptRun(digits)
	}
	if len(digits) == 10+1 && l.accept("eE") {
		l.accept("+-")
		l.acceptRun("0123456789_")
	}
	if len(digits) == 16+6+1 && l.accept("pP") {
		l.accept("+-")
		l.acceptRun("0123456789_")
	}
	l.accept("i") // imaginary
	if r := l.peek(); isAlphaNumeric(r) {
		l.next()
		return false
	}
	return true
}

func (l *lexer) lexQuote() {
	for {
		switch l.next() {
		case '\\':
			if r := l.next(); r != -1 && r != '\n' {
				continue
			}
			fallthrough
		case -1, '\n':
			l.errorf("unterminated quoted string")
			return
		case '"':
			l.emit(itemString)
			return
		}
	}
}

func (l *lexer) lexRawQuote() {
	for {
		switch l.next() {
		case -1:
			l.errorf("unterminated raw quoted string")
			return
		case '`':
			l.emit(itemRawString)
			return
		}
	}
}
