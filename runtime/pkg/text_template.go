// Package template implements Go's text/template for gol: the lexer and parser of
// text/template/parse (kept internal here), execution over package reflect, the builtin
// functions, and the Template API (New, Parse, Funcs, Option, Execute, ExecuteTemplate,
// Lookup, Templates, Clone, Delims, ParseFiles), with Go's parse and exec error texts.
package template

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
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

// ---- parse tree ----

type nodeType int

const (
	nodeText nodeType = iota
	nodeAction
	nodeBool
	nodeBreak
	nodeChain
	nodeCommand
	nodeContinue
	nodeDot
	nodeElse
	nodeEnd
	nodeField
	nodeIdentifier
	nodeIf
	nodeList
	nodeNil
	nodeNumber
	nodePipe
	nodeRange
	nodeString
	nodeTemplate
	nodeVariable
	nodeWith
	nodeComment
)

// node is an element of a parse tree; every node records its position in the text.
type node interface {
	typ() nodeType
	String() string
	position() int
}

type listNode struct {
	pos   int
	nodes []node
}

type textNode struct {
	pos  int
	text string
}

type commentNode struct {
	pos  int
	text string
}

type pipeNode struct {
	pos      int
	line     int
	isAssign bool
	decl     []*variableNode
	cmds     []*commandNode
}

type actionNode struct {
	pos  int
	line int
	pipe *pipeNode
}

type commandNode struct {
	pos  int
	args []node
}

type identifierNode struct {
	pos   int
	ident string
}

type variableNode struct {
	pos   int
	ident []string
}

type dotNode struct{ pos int }
type nilNode struct{ pos int }

type fieldNode struct {
	pos   int
	ident []string
}

type chainNode struct {
	pos   int
	node  node
	field []string
}

type boolNode struct {
	pos  int
	val  bool
}

type numberNode struct {
	pos     int
	isInt   bool
	isUint  bool
	isFloat bool
	i       int64
	u       uint64
	f       float64
	text    string
}

type stringNode struct {
	pos    int
	quoted string
	text   string
}

type endNode struct{ pos int }

type elseNode struct {
	pos  int
	line int
}

// branchNode is if, range or with.
type branchNode struct {
	kind     nodeType
	pos      int
	line     int
	pipe     *pipeNode
	list     *listNode
	elseList *listNode
}

type breakNode struct {
	pos  int
	line int
}

type continueNode struct {
	pos  int
	line int
}

type templateNode struct {
	pos  int
	line int
	name string
	pipe *pipeNode
}

func (n *listNode) typ() nodeType       { return nodeList }
func (n *textNode) typ() nodeType       { return nodeText }
func (n *commentNode) typ() nodeType    { return nodeComment }
func (n *pipeNode) typ() nodeType       { return nodePipe }
func (n *actionNode) typ() nodeType     { return nodeAction }
func (n *commandNode) typ() nodeType    { return nodeCommand }
func (n *identifierNode) typ() nodeType { return nodeIdentifier }
func (n *variableNode) typ() nodeType   { return nodeVariable }
func (n *dotNode) typ() nodeType        { return nodeDot }
func (n *nilNode) typ() nodeType        { return nodeNil }
func (n *fieldNode) typ() nodeType      { return nodeField }
func (n *chainNode) typ() nodeType      { return nodeChain }
func (n *boolNode) typ() nodeType       { return nodeBool }
func (n *numberNode) typ() nodeType     { return nodeNumber }
func (n *stringNode) typ() nodeType     { return nodeString }
func (n *endNode) typ() nodeType        { return nodeEnd }
func (n *elseNode) typ() nodeType       { return nodeElse }
func (n *branchNode) typ() nodeType     { return n.kind }
func (n *breakNode) typ() nodeType      { return nodeBreak }
func (n *continueNode) typ() nodeType   { return nodeContinue }
func (n *templateNode) typ() nodeType   { return nodeTemplate }

func (n *listNode) position() int       { return n.pos }
func (n *textNode) position() int       { return n.pos }
func (n *commentNode) position() int    { return n.pos }
func (n *pipeNode) position() int       { return n.pos }
func (n *actionNode) position() int     { return n.pos }
func (n *commandNode) position() int    { return n.pos }
func (n *identifierNode) position() int { return n.pos }
func (n *variableNode) position() int   { return n.pos }
func (n *dotNode) position() int        { return n.pos }
func (n *nilNode) position() int        { return n.pos }
func (n *fieldNode) position() int      { return n.pos }
func (n *chainNode) position() int      { return n.pos }
func (n *boolNode) position() int       { return n.pos }
func (n *numberNode) position() int     { return n.pos }
func (n *stringNode) position() int     { return n.pos }
func (n *endNode) position() int        { return n.pos }
func (n *elseNode) position() int       { return n.pos }
func (n *branchNode) position() int     { return n.pos }
func (n *breakNode) position() int      { return n.pos }
func (n *continueNode) position() int   { return n.pos }
func (n *templateNode) position() int   { return n.pos }

func (n *listNode) String() string {
	var sb strings.Builder
	for _, c := range n.nodes {
		sb.WriteString(c.String())
	}
	return sb.String()
}

func (n *textNode) String() string    { return fmt.Sprintf("%q", n.text) }
func (n *commentNode) String() string { return "{{" + n.text + "}}" }

func (n *pipeNode) String() string {
	var sb strings.Builder
	if len(n.decl) > 0 {
		for i, v := range n.decl {
			if i > 0 {
				sb.WriteString(", ")
			}
			sb.WriteString(v.String())
		}
		if n.isAssign {
			sb.WriteString(" = ")
		} else {
			sb.WriteString(" := ")
		}
	}
	for i, c := range n.cmds {
		if i > 0 {
			sb.WriteString(" | ")
		}
		sb.WriteString(c.String())
	}
	return sb.String()
}

func (n *actionNode) String() string { return "{{" + n.pipe.String() + "}}" }

func (n *commandNode) String() string {
	var sb strings.Builder
	for i, arg := range n.args {
		if i > 0 {
			sb.WriteByte(' ')
		}
		if p, ok := arg.(*pipeNode); ok {
			sb.WriteString("(" + p.String() + ")")
			continue
		}
		sb.WriteString(arg.String())
	}
	return sb.String()
}

func (n *identifierNode) String() string { return n.ident }
func (n *variableNode) String() string   { return strings.Join(n.ident, ".") }
func (n *dotNode) String() string        { return "." }
func (n *nilNode) String() string        { return "nil" }
func (n *fieldNode) String() string      { return "." + strings.Join(n.ident, ".") }

func (n *chainNode) String() string {
	s := n.node.String()
	if _, ok := n.node.(*pipeNode); ok {
		s = "(" + s + ")"
	}
	for _, f := range n.field {
		s += "." + f
	}
	return s
}

func (n *boolNode) String() string {
	if n.val {
		return "true"
	}
	return "false"
}

func (n *numberNode) String() string { return n.text }
func (n *stringNode) String() string { return n.quoted }
func (n *endNode) String() string    { return "{{end}}" }
func (n *elseNode) String() string   { return "{{else}}" }

func (n *branchNode) String() string {
	name := "if"
	switch n.kind {
	case nodeRange:
		name = "range"
	case nodeWith:
		name = "with"
	}
	s := "{{" + name + " " + n.pipe.String() + "}}" + n.list.String()
	if n.elseList != nil {
		s += "{{else}}" + n.elseList.String()
	}
	return s + "{{end}}"
}

func (n *breakNode) String() string    { return "{{break}}" }
func (n *continueNode) String() string { return "{{continue}}" }

func (n *templateNode) String() string {
	if n.pipe == nil {
		return fmt.Sprintf("{{template %q}}", n.name)
	}
	return fmt.Sprintf("{{template %q %s}}", n.name, n.pipe)
}

// isEmptyTree reports whether a tree holds only space and comments (such a definition
// does not replace an existing template's body).
func isEmptyTree(n node) bool {
	switch n := n.(type) {
	case nil:
		return true
	case *listNode:
		for _, c := range n.nodes {
			if !isEmptyTree(c) {
				return false
			}
		}
		return true
	case *textNode:
		return len(strings.TrimSpace(n.text)) == 0
	case *commentNode:
		return true
	}
	return false
}

// ---- parser ----

// tree is one parsed template: a name and its root list.
type tree struct {
	name      string
	parseName string
	root      *listNode
	text      string
}

type parser struct {
	t          *tree
	items      []item
	next0      int // index of the next item
	seen       int // the furthest item looked at (Go's lexer position)
	funcs      []map[string]any
	treeSet    map[string]*tree
	vars       []string
	actionLine int
	rangeDepth int
}

// parseError carries a parse error through panics to parse's recover.
type parseError struct{ err error }

func (p *parser) errorf(format string, args ...any) {
	// Go reports the line of the furthest item lexed so far
	format = fmt.Sprintf("template: %s:%d: %s", p.t.parseName, p.at(p.seen).line, format)
	panic(parseError{fmt.Errorf(format, args...)})
}

// at returns item i; past the end, the final item (EOF or the lexer's error) repeats.
func (p *parser) at(i int) item {
	if i < len(p.items) {
		return p.items[i]
	}
	return p.items[len(p.items)-1]
}

func (p *parser) next() item {
	it := p.at(p.next0)
	if p.next0 > p.seen {
		p.seen = p.next0
	}
	p.next0++
	return it
}

func (p *parser) backup() { p.next0-- }

func (p *parser) peek() item {
	if p.next0 > p.seen {
		p.seen = p.next0
	}
	return p.at(p.next0)
}

func (p *parser) nextNonSpace() item {
	for {
		it := p.next()
		if it.typ != itemSpace {
			return it
		}
	}
}

func (p *parser) peekNonSpace() item {
	it := p.nextNonSpace()
	p.backup()
	return it
}

func (p *parser) expect(expected itemType, context string) item {
	it := p.nextNonSpace()
	if it.typ != expected {
		p.unexpected(it, context)
	}
	return it
}

func (p *parser) unexpected(it item, context string) {
	if it.typ == itemError {
		extra := ""
		if p.actionLine != 0 && p.actionLine != it.line {
			extra = fmt.Sprintf(" in action started at %s:%d", p.t.parseName, p.actionLine)
			if strings.HasSuffix(it.val, " action") {
				extra = extra[len(" in action"):]
			}
		}
		p.errorf("%s%s", it, extra)
	}
	p.errorf("unexpected %s in %s", it, context)
}

func (p *parser) hasFunction(name string) bool {
	for _, m := range p.funcs {
		if m == nil {
			continue
		}
		if _, ok := m[name]; ok {
			return true
		}
	}
	return false
}

// parseTrees parses text into the template named name plus the ones it defines.
func parseTrees(name, text, left, right string, funcs ...map[string]any) (trees map[string]*tree, err error) {
	defer func() {
		if r := recover(); r != nil {
			pe, ok := r.(parseError)
			if !ok {
				panic(r)
			}
			err = pe.err
			trees = nil
		}
	}()
	trees = map[string]*tree{}
	items := lex(text, left, right)
	p := &parser{t: &tree{name: name, parseName: name, text: text}, items: items, funcs: funcs,
		treeSet: trees, vars: []string{"$"}}
	p.parse()
	p.add()
	return trees, nil
}

func (p *parser) add() {
	old := p.treeSet[p.t.name]
	if old == nil || isEmptyTree(old.root) {
		p.treeSet[p.t.name] = p.t
		return
	}
	if !isEmptyTree(p.t.root) {
		p.errorf("template: multiple definition of template %q", p.t.name)
	}
}

func (p *parser) parse() {
	p.t.root = &listNode{pos: p.peek().pos}
	for p.peek().typ != itemEOF {
		if p.peek().typ == itemLeftDelim {
			mark := p.next0
			p.next()
			if p.nextNonSpace().typ == itemDefine {
				sub := &parser{t: &tree{name: "definition", parseName: p.t.parseName, text: p.t.text},
					items: p.items, next0: p.next0, seen: p.seen, funcs: p.funcs, treeSet: p.treeSet,
					vars: []string{"$"}}
				sub.parseDefinition()
				p.next0 = sub.next0
				p.seen = sub.seen
				continue
			}
			p.next0 = mark
		}
		switch n := p.textOrAction(); n.typ() {
		case nodeEnd, nodeElse:
			p.errorf("unexpected %s", n)
		default:
			p.t.root.nodes = append(p.t.root.nodes, n)
		}
	}
}

func (p *parser) parseDefinition() {
	const context = "define clause"
	name := p.nextNonSpace()
	if name.typ != itemString && name.typ != itemRawString {
		p.unexpected(name, context)
	}
	s, err := strconv.Unquote(name.val)
	if err != nil {
		p.errorf("%s", err)
	}
	p.t.name = s
	p.expect(itemRightDelim, context)
	var end node
	p.t.root, end = p.itemList()
	if end.typ() != nodeEnd {
		p.errorf("unexpected %s in %s", end, context)
	}
	p.add()
}

func (p *parser) itemList() (*listNode, node) {
	list := &listNode{pos: p.peekNonSpace().pos}
	for p.peekNonSpace().typ != itemEOF {
		n := p.textOrAction()
		switch n.typ() {
		case nodeEnd, nodeElse:
			return list, n
		}
		list.nodes = append(list.nodes, n)
	}
	p.errorf("unexpected EOF")
	return nil, nil
}

func (p *parser) textOrAction() node {
	switch it := p.nextNonSpace(); it.typ {
	case itemText:
		return &textNode{it.pos, it.val}
	case itemLeftDelim:
		p.actionLine = it.line
		n := p.action()
		p.actionLine = 0
		return n
	case itemComment:
		return &commentNode{it.pos, it.val}
	default:
		p.unexpected(it, "input")
	}
	return nil
}

func (p *parser) action() node {
	switch it := p.nextNonSpace(); it.typ {
	case itemBlock:
		return p.blockControl()
	case itemBreak:
		return p.breakControl(it.pos, it.line)
	case itemContinue:
		return p.continueControl(it.pos, it.line)
	case itemElse:
		return p.elseControl()
	case itemEnd:
		return &endNode{p.expect(itemRightDelim, "end").pos}
	case itemIf:
		return p.branchControl(nodeIf, "if")
	case itemRange:
		return p.branchControl(nodeRange, "range")
	case itemTemplate:
		return p.templateControl()
	case itemWith:
		return p.branchControl(nodeWith, "with")
	}
	p.backup()
	it := p.peek()
	return &actionNode{it.pos, it.line, p.pipeline("command", itemRightDelim)}
}

func (p *parser) breakControl(pos, line int) node {
	if it := p.nextNonSpace(); it.typ != itemRightDelim {
		p.unexpected(it, "{{break}}")
	}
	if p.rangeDepth == 0 {
		p.errorf("{{break}} outside {{range}}")
	}
	return &breakNode{pos, line}
}

func (p *parser) continueControl(pos, line int) node {
	if it := p.nextNonSpace(); it.typ != itemRightDelim {
		p.unexpected(it, "{{continue}}")
	}
	if p.rangeDepth == 0 {
		p.errorf("{{continue}} outside {{range}}")
	}
	return &continueNode{pos, line}
}

func (p *parser) pipeline(context string, end itemType) *pipeNode {
	tok := p.peekNonSpace()
	pipe := &pipeNode{pos: tok.pos, line: tok.line}
decls:
	if v := p.peekNonSpace(); v.typ == itemVariable {
		p.nextNonSpace()
		mark := p.next0
		tokenAfterVariable := p.peek()
		next := p.peekNonSpace()
		switch {
		case next.typ == itemAssign, next.typ == itemDeclare:
			pipe.isAssign = next.typ == itemAssign
			p.nextNonSpace()
			pipe.decl = append(pipe.decl, &variableNode{v.pos, strings.Split(v.val, ".")})
			p.vars = append(p.vars, v.val)
		case next.typ == itemChar && next.val == ",":
			p.nextNonSpace()
			pipe.decl = append(pipe.decl, &variableNode{v.pos, strings.Split(v.val, ".")})
			p.vars = append(p.vars, v.val)
			if context == "range" && len(pipe.decl) < 2 {
				switch p.peekNonSpace().typ {
				case itemVariable, itemRightDelim, itemRightParen:
					goto decls
				default:
					p.errorf("range can only initialize variables")
				}
			}
			p.errorf("too many declarations in %s", context)
		case tokenAfterVariable.typ == itemSpace:
			p.next0 = mark - 1
		default:
			p.next0 = mark - 1
		}
	}
	for {
		switch it := p.nextNonSpace(); it.typ {
		case end:
			p.checkPipeline(pipe, context)
			return pipe
		case itemBool, itemCharConstant, itemComplex, itemDot, itemField, itemIdentifier,
			itemNumber, itemNil, itemRawString, itemString, itemVariable, itemLeftParen:
			p.backup()
			pipe.cmds = append(pipe.cmds, p.command())
		default:
			p.unexpected(it, context)
		}
	}
}

func (p *parser) checkPipeline(pipe *pipeNode, context string) {
	if len(pipe.cmds) == 0 {
		p.errorf("missing value for %s", context)
	}
	for i, c := range pipe.cmds[1:] {
		switch c.args[0].typ() {
		case nodeBool, nodeDot, nodeNil, nodeNumber, nodeString:
			p.errorf("non executable command in pipeline stage %d", i+2)
		}
	}
}

func (p *parser) branchControl(kind nodeType, context string) node {
	nvars := len(p.vars)
	pipe := p.pipeline(context, itemRightDelim)
	if kind == nodeRange {
		p.rangeDepth++
	}
	list, next := p.itemList()
	if kind == nodeRange {
		p.rangeDepth--
	}
	var elseList *listNode
	if next.typ() == nodeElse {
		if kind == nodeIf && p.peek().typ == itemIf {
			p.next()
			elseList = &listNode{pos: next.position()}
			elseList.nodes = append(elseList.nodes, p.branchControl(nodeIf, "if"))
		} else if kind == nodeWith && p.peek().typ == itemWith {
			p.next()
			elseList = &listNode{pos: next.position()}
			elseList.nodes = append(elseList.nodes, p.branchControl(nodeWith, "with"))
		} else {
			elseList, next = p.itemList()
			if next.typ() != nodeEnd {
				p.errorf("expected end; found %s", next)
			}
		}
	}
	p.vars = p.vars[:nvars]
	return &branchNode{kind, pipe.pos, pipe.line, pipe, list, elseList}
}

func (p *parser) elseControl() node {
	pk := p.peekNonSpace()
	if pk.typ == itemIf || pk.typ == itemWith {
		return &elseNode{pk.pos, pk.line}
	}
	it := p.expect(itemRightDelim, "else")
	return &elseNode{it.pos, it.line}
}

func (p *parser) templateName(it item, context string) string {
	if it.typ != itemString && it.typ != itemRawString {
		p.unexpected(it, context)
	}
	s, err := strconv.Unquote(it.val)
	if err != nil {
		p.errorf("%s", err)
	}
	return s
}

func (p *parser) blockControl() node {
	const context = "block clause"
	it := p.nextNonSpace()
	name := p.templateName(it, context)
	pipe := p.pipeline(context, itemRightDelim)
	sub := &parser{t: &tree{name: name, parseName: p.t.parseName, text: p.t.text},
		items: p.items, next0: p.next0, seen: p.seen, funcs: p.funcs, treeSet: p.treeSet,
		vars: []string{"$"}}
	var end node
	sub.t.root, end = sub.itemList()
	if end.typ() != nodeEnd {
		p.errorf("unexpected %s in %s", end, context)
	}
	sub.add()
	p.next0 = sub.next0
	p.seen = sub.seen
	return &templateNode{it.pos, it.line, name, pipe}
}

func (p *parser) templateControl() node {
	const context = "template clause"
	it := p.nextNonSpace()
	name := p.templateName(it, context)
	var pipe *pipeNode
	if p.nextNonSpace().typ != itemRightDelim {
		p.backup()
		pipe = p.pipeline(context, itemRightDelim)
	}
	return &templateNode{it.pos, it.line, name, pipe}
}

func (p *parser) command() *commandNode {
	cmd := &commandNode{pos: p.peekNonSpace().pos}
	for {
		p.peekNonSpace()
		if op := p.operand(); op != nil {
			cmd.args = append(cmd.args, op)
		}
		switch it := p.next(); it.typ {
		case itemSpace:
			continue
		case itemRightDelim, itemRightParen:
			p.backup()
		case itemPipe:
		default:
			p.unexpected(it, "operand")
		}
		break
	}
	if len(cmd.args) == 0 {
		p.errorf("empty command")
	}
	return cmd
}

func (p *parser) operand() node {
	n := p.term()
	if n == nil {
		return nil
	}
	if p.peek().typ == itemField {
		chain := &chainNode{pos: p.peek().pos, node: n}
		for p.peek().typ == itemField {
			chain.field = append(chain.field, p.next().val[1:])
		}
		switch n.typ() {
		case nodeField:
			n = &fieldNode{chain.pos, strings.Split(chain.String()[1:], ".")}
		case nodeVariable:
			n = &variableNode{chain.pos, strings.Split(chain.String(), ".")}
		case nodeBool, nodeString, nodeNumber, nodeNil, nodeDot:
			p.errorf("unexpected . after term %q", n.String())
		default:
			n = chain
		}
	}
	return n
}

func (p *parser) term() node {
	switch it := p.nextNonSpace(); it.typ {
	case itemIdentifier:
		if !p.hasFunction(it.val) {
			p.errorf("function %q not defined", it.val)
		}
		return &identifierNode{it.pos, it.val}
	case itemDot:
		return &dotNode{it.pos}
	case itemNil:
		return &nilNode{it.pos}
	case itemVariable:
		v := &variableNode{it.pos, strings.Split(it.val, ".")}
		for _, name := range p.vars {
			if name == v.ident[0] {
				return v
			}
		}
		p.errorf("undefined variable %q", v.ident[0])
	case itemField:
		return &fieldNode{it.pos, strings.Split(it.val[1:], ".")}
	case itemBool:
		return &boolNode{it.pos, it.val == "true"}
	case itemCharConstant, itemComplex, itemNumber:
		return p.number(it)
	case itemLeftParen:
		return p.pipeline("parenthesized pipeline", itemRightParen)
	case itemString, itemRawString:
		s, err := strconv.Unquote(it.val)
		if err != nil {
			p.errorf("%s", err)
		}
		return &stringNode{it.pos, it.val, s}
	}
	p.backup()
	return nil
}

func (p *parser) number(it item) *numberNode {
	n := &numberNode{pos: it.pos, text: it.val}
	if it.typ == itemCharConstant {
		r, _, tail, err := strconv.UnquoteChar(it.val[1:], it.val[0])
		if err != nil {
			p.errorf("%s", err)
		}
		if tail != "'" {
			p.errorf("malformed character constant: %s", it.val)
		}
		n.i, n.isInt = int64(r), true
		n.u, n.isUint = uint64(r), true
		n.f, n.isFloat = float64(r), true
		return n
	}
	text := it.val
	if u, err := strconv.ParseUint(text, 0, 64); err == nil {
		n.isUint, n.u = true, u
	}
	if i, err := strconv.ParseInt(text, 0, 64); err == nil {
		n.isInt, n.i = true, i
		if i == 0 {
			n.isUint, n.u = true, 0
		}
	}
	if n.isInt {
		n.isFloat, n.f = true, float64(n.i)
	} else if n.isUint {
		n.isFloat, n.f = true, float64(n.u)
	} else if f, err := strconv.ParseFloat(text, 64); err == nil {
		if !strings.ContainsAny(text, ".eEpP") {
			p.errorf("illegal number syntax: %q", text)
		}
		n.isFloat, n.f = true, f
		if !n.isInt && float64(int64(f)) == f {
			n.isInt, n.i = true, int64(f)
		}
		if !n.isUint && float64(uint64(f)) == f && f >= 0 {
			n.isUint, n.u = true, uint64(f)
		}
	}
	if !n.isInt && !n.isUint && !n.isFloat {
		p.errorf("illegal number syntax: %q", text)
	}
	return n
}

// ---- templates ----

// FuncMap is the type of the map defining the mapping from names to functions.
type FuncMap map[string]any

type missingKeyAction int

const (
	mapInvalid missingKeyAction = iota
	mapZeroValue
	mapError
)

type common struct {
	tmpl       map[string]*Template
	parseFuncs FuncMap
	execFuncs  map[string]reflect.Value
	missingKey missingKeyAction
}

// Template is the representation of a parsed template.
type Template struct {
	name       string
	tree       *tree
	common     *common
	leftDelim  string
	rightDelim string
}

// New allocates a new, undefined template with the given name.
func New(name string) *Template {
	t := &Template{name: name}
	t.init()
	return t
}

func (t *Template) init() {
	if t.common == nil {
		t.common = &common{tmpl: map[string]*Template{}, parseFuncs: FuncMap{}, execFuncs: map[string]reflect.Value{}}
	}
}

// Name returns the name of the template.
func (t *Template) Name() string { return t.name }

// New allocates a new, undefined template associated with the given one and with the same
// delimiters.
func (t *Template) New(name string) *Template {
	t.init()
	return &Template{name: name, common: t.common, leftDelim: t.leftDelim, rightDelim: t.rightDelim}
}

// Must is a helper that wraps a call to a function returning (*Template, error) and panics
// if the error is non-nil.
func Must(t *Template, err error) *Template {
	if err != nil {
		panic(err)
	}
	return t
}

// Delims sets the action delimiters to the specified strings.
func (t *Template) Delims(left, right string) *Template {
	t.init()
	t.leftDelim = left
	t.rightDelim = right
	return t
}

// Funcs adds the elements of the argument map to the template's function map. It panics
// if a value in the map is not a function with appropriate return type.
func (t *Template) Funcs(funcMap FuncMap) *Template {
	t.init()
	for name, fn := range funcMap {
		if !goodName(name) {
			panic(fmt.Errorf("function name %q is not a valid identifier", name))
		}
		v := reflect.ValueOf(fn)
		if v.Kind() != reflect.Func {
			panic("value for " + name + " not a function")
		}
		if err := goodFunc(name, v.Type()); err != nil {
			panic(err)
		}
		t.common.parseFuncs[name] = fn
		t.common.execFuncs[name] = v
	}
	return t
}

func goodName(name string) bool {
	if name == "" {
		return false
	}
	for i, r := range name {
		switch {
		case r == '_':
		case i == 0 && !unicode.IsLetter(r):
			return false
		case !unicode.IsLetter(r) && !unicode.IsDigit(r):
			return false
		}
	}
	return true
}

// Option sets options for the template: "missingkey=default", "missingkey=invalid",
// "missingkey=zero" or "missingkey=error".
func (t *Template) Option(opt ...string) *Template {
	t.init()
	for _, s := range opt {
		key, value, ok := strings.Cut(s, "=")
		if !ok || key != "missingkey" {
			panic("unrecognized option: " + s)
		}
		switch value {
		case "invalid", "default":
			t.common.missingKey = mapInvalid
		case "zero":
			t.common.missingKey = mapZeroValue
		case "error":
			t.common.missingKey = mapError
		default:
			panic("unrecognized option: " + s)
		}
	}
	return t
}

// Lookup returns the template with the given name that is associated with t.
func (t *Template) Lookup(name string) *Template {
	if t.common == nil {
		return nil
	}
	return t.common.tmpl[name]
}

// Templates returns a slice of defined templates associated with t.
func (t *Template) Templates() []*Template {
	if t.common == nil {
		return nil
	}
	var m []*Template
	for _, v := range t.common.tmpl {
		m = append(m, v)
	}
	return m
}

// DefinedTemplates returns a string listing the defined templates, prefixed by the string
// "; defined templates are: ".
func (t *Template) DefinedTemplates() string {
	if t.common == nil {
		return ""
	}
	var names []string
	for name, tmpl := range t.common.tmpl {
		if tmpl.tree == nil || tmpl.tree.root == nil {
			continue
		}
		names = append(names, fmt.Sprintf("%q", name))
	}
	if len(names) == 0 {
		return ""
	}
	return "; defined templates are: " + strings.Join(names, ", ")
}

// Clone returns a duplicate of the template, including all associated templates.
func (t *Template) Clone() (*Template, error) {
	nt := &Template{name: t.name, tree: t.tree, leftDelim: t.leftDelim, rightDelim: t.rightDelim}
	nt.init()
	if t.common == nil {
		return nt, nil
	}
	for k, v := range t.common.tmpl {
		if k == t.name {
			nt.common.tmpl[t.name] = nt
			continue
		}
		tmpl := &Template{name: v.name, tree: v.tree, common: nt.common, leftDelim: v.leftDelim, rightDelim: v.rightDelim}
		nt.common.tmpl[k] = tmpl
	}
	for k, v := range t.common.parseFuncs {
		nt.common.parseFuncs[k] = v
	}
	for k, v := range t.common.execFuncs {
		nt.common.execFuncs[k] = v
	}
	nt.common.missingKey = t.common.missingKey
	return nt, nil
}

// Parse parses text as a template body for t. Named template definitions ({{define ...}}
// or {{block ...}}) become associated templates.
func (t *Template) Parse(text string) (*Template, error) {
	t.init()
	trees, err := parseTrees(t.name, text, t.leftDelim, t.rightDelim, t.common.parseFuncs, builtinNames)
	if err != nil {
		return nil, err
	}
	for name, tr := range trees {
		nt := t
		if name != t.name {
			nt = t.New(name)
		}
		if t.associate(nt, tr) || nt.tree == nil {
			nt.tree = tr
		}
	}
	return t, nil
}

// associate installs nt in the template set, unless it would replace a template that has
// a body by an empty one.
func (t *Template) associate(nt *Template, tr *tree) bool {
	if old := t.common.tmpl[nt.name]; old != nil && isEmptyTree(tr.root) && old.tree != nil {
		return false
	}
	t.common.tmpl[nt.name] = nt
	return true
}

// ParseFiles creates a new Template and parses the template definitions from the named
// files. The returned template's name will have the base name of the first file.
func ParseFiles(filenames ...string) (*Template, error) {
	return parseFiles(nil, filenames...)
}

// ParseFiles parses the named files and associates the resulting templates with t.
func (t *Template) ParseFiles(filenames ...string) (*Template, error) {
	t.init()
	return parseFiles(t, filenames...)
}

func parseFiles(t *Template, filenames ...string) (*Template, error) {
	if len(filenames) == 0 {
		return nil, fmt.Errorf("template: no files named in call to ParseFiles")
	}
	for _, filename := range filenames {
		b, err := os.ReadFile(filename)
		if err != nil {
			return nil, err
		}
		name := filepath.Base(filename)
		var tmpl *Template
		if t == nil {
			t = New(name)
		}
		if name == t.Name() {
			tmpl = t
		} else {
			tmpl = t.New(name)
		}
		if _, err := tmpl.Parse(string(b)); err != nil {
			return nil, err
		}
	}
	return t, nil
}

// An ExecError is the custom error type returned when Execute has an error evaluating its
// template.
type ExecError struct {
	Name string
	Err  error
}

func (e ExecError) Error() string { return e.Err.Error() }

func (e ExecError) Unwrap() error { return e.Err }

// Execute applies a parsed template to the specified data object, writing the output to wr.
func (t *Template) Execute(wr io.Writer, data any) error {
	return t.execute(wr, data)
}

// ExecuteTemplate applies the template associated with t that has the given name.
func (t *Template) ExecuteTemplate(wr io.Writer, name string, data any) error {
	tmpl := t.Lookup(name)
	if tmpl == nil {
		return fmt.Errorf("template: no template %q associated with template %q", name, t.name)
	}
	return tmpl.Execute(wr, data)
}

type writeError struct{ err error }

func (t *Template) execute(wr io.Writer, data any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			switch e := r.(type) {
			case ExecError:
				err = e
			case writeError:
				err = e.err
			default:
				panic(r)
			}
		}
	}()
	value, ok := data.(reflect.Value)
	if !ok {
		value = reflect.ValueOf(data)
	}
	s := &state{tmpl: t, wr: wr, vars: []variable{{"$", value}}}
	if t.tree == nil || t.tree.root == nil {
		s.errorf("%q is an incomplete or empty template", t.Name())
	}
	s.walk(value, t.tree.root)
	return nil
}

// ---- execution ----

type variable struct {
	name  string
	value reflect.Value
}

type state struct {
	tmpl  *Template
	wr    io.Writer
	node  node
	vars  []variable
	depth int
}

const maxExecDepth = 100000

type missingValType struct{}

var (
	missingVal       = reflect.ValueOf(missingValType{})
	missingValTyp    = reflect.TypeOf(missingValType{})
	errorType        = reflect.TypeOf((*error)(nil)).Elem()
	fmtStringerType  = reflect.TypeOf((*fmt.Stringer)(nil)).Elem()
	reflectValueType = reflect.TypeOf(reflect.Value{})
)

func isMissing(v reflect.Value) bool {
	return v.IsValid() && v.Type() == missingValTyp
}

// walkBreak and walkContinue unwind a range body.
type walkSignal int

const (
	walkBreak walkSignal = iota + 1
	walkContinue
)

func (s *state) push(name string, value reflect.Value) {
	s.vars = append(s.vars, variable{name, value})
}

func (s *state) mark() int { return len(s.vars) }

func (s *state) pop(mark int) { s.vars = s.vars[0:mark] }

func (s *state) setVar(name string, value reflect.Value) {
	for i := s.mark() - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = value
			return
		}
	}
	s.errorf("undefined variable: %s", name)
}

func (s *state) setTopVar(n int, value reflect.Value) {
	s.vars[len(s.vars)-n].value = value
}

func (s *state) varValue(name string) reflect.Value {
	for i := s.mark() - 1; i >= 0; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	s.errorf("undefined variable: %s", name)
	return reflect.Value{}
}

func (s *state) at(n node) { s.node = n }

func doublePercent(str string) string {
	return strings.ReplaceAll(str, "%", "%%")
}

// errorContext returns "name:line:col" of n within its template's text.
func (s *state) errorContext(n node) (string, string) {
	pos := n.position()
	text := s.tmpl.tree.text
	if pos > len(text) {
		pos = len(text)
	}
	text = text[:pos]
	byteNum := strings.LastIndex(text, "\n")
	if byteNum == -1 {
		byteNum = pos
	} else {
		byteNum++
		byteNum = pos - byteNum
	}
	lineNum := 1 + strings.Count(text, "\n")
	return fmt.Sprintf("%s:%d:%d", s.tmpl.tree.parseName, lineNum, byteNum), n.String()
}

func (s *state) errorf(format string, args ...any) {
	name := doublePercent(s.tmpl.Name())
	if s.node == nil || s.tmpl.tree == nil {
		format = fmt.Sprintf("template: %s: %s", name, format)
	} else {
		location, context := s.errorContext(s.node)
		format = fmt.Sprintf("template: %s: executing %q at <%s>: %s", location, name, doublePercent(context), format)
	}
	panic(ExecError{Name: s.tmpl.Name(), Err: fmt.Errorf(format, args...)})
}

func (s *state) write(text string) {
	if _, err := io.WriteString(s.wr, text); err != nil {
		panic(writeError{err})
	}
}

func (s *state) walk(dot reflect.Value, n node) {
	s.at(n)
	switch n := n.(type) {
	case *actionNode:
		val := s.evalPipeline(dot, n.pipe)
		if len(n.pipe.decl) == 0 {
			s.printValue(n, val)
		}
	case *breakNode:
		panic(walkBreak)
	case *commentNode:
	case *continueNode:
		panic(walkContinue)
	case *branchNode:
		if n.kind == nodeRange {
			s.walkRange(dot, n)
		} else {
			s.walkIfOrWith(n.kind, dot, n.pipe, n.list, n.elseList)
		}
	case *listNode:
		for _, c := range n.nodes {
			s.walk(dot, c)
		}
	case *templateNode:
		s.walkTemplate(dot, n)
	case *textNode:
		s.write(n.text)
	default:
		s.errorf("unknown node: %s", n)
	}
}

func (s *state) walkIfOrWith(kind nodeType, dot reflect.Value, pipe *pipeNode, list, elseList *listNode) {
	mark := s.mark()
	val := s.evalPipeline(dot, pipe)
	truth, ok := isTrue(indirectInterface(val))
	if !ok {
		s.errorf("if/with can't use %v", val)
	}
	if truth {
		if kind == nodeWith {
			s.walk(val, list)
		} else {
			s.walk(dot, list)
		}
	} else if elseList != nil {
		s.walk(dot, elseList)
	}
	s.pop(mark)
}

// IsTrue reports whether the value is 'true', in the sense of not the zero of its type,
// and whether the value has a meaningful truth value.
func IsTrue(val any) (truth, ok bool) {
	return isTrue(reflect.ValueOf(val))
}

func isTrue(val reflect.Value) (truth, ok bool) {
	if !val.IsValid() {
		return false, true
	}
	switch val.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		truth = val.Len() > 0
	case reflect.Bool:
		truth = val.Bool()
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.Interface:
		truth = !val.IsNil()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		truth = val.Int() != 0
	case reflect.Float32, reflect.Float64:
		truth = val.Float() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		truth = val.Uint() != 0
	case reflect.Struct:
		truth = true
	default:
		return
	}
	return truth, true
}

func (s *state) rangeIteration(r *branchNode, mark int, index, elem reflect.Value) (stop bool) {
	if len(r.pipe.decl) > 0 {
		if r.pipe.isAssign {
			if len(r.pipe.decl) > 1 {
				s.setVar(r.pipe.decl[0].ident[0], index)
			} else {
				s.setVar(r.pipe.decl[0].ident[0], elem)
			}
		} else {
			s.setTopVar(1, elem)
		}
	}
	if len(r.pipe.decl) > 1 {
		if r.pipe.isAssign {
			s.setVar(r.pipe.decl[1].ident[0], elem)
		} else {
			s.setTopVar(2, index)
		}
	}
	defer s.pop(mark)
	defer func() {
		if x := recover(); x != nil {
			switch x {
			case walkContinue:
			case walkBreak:
				stop = true
			default:
				panic(x)
			}
		}
	}()
	s.walk(elem, r.list)
	return false
}

func (s *state) walkRange(dot reflect.Value, r *branchNode) {
	s.at(r)
	outer := s.mark()
	defer s.pop(outer)
	val, _ := indirect(s.evalPipeline(dot, r.pipe))
	mark := s.mark()
	ran := false
	switch val.Kind() {
	case reflect.Array, reflect.Slice:
		for i := 0; i < val.Len(); i++ {
			ran = true
			if s.rangeIteration(r, mark, reflect.ValueOf(i), val.Index(i)) {
				break
			}
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if len(r.pipe.decl) > 1 {
			s.errorf("can't use %v to iterate over more than one variable", val)
		}
		n := int(val.Int())
		if val.CanUint() {
			n = int(val.Uint())
		}
		for i := 0; i < n; i++ {
			ran = true
			iv := reflect.ValueOf(i).Convert(val.Type())
			if s.rangeIteration(r, mark, iv, iv) {
				break
			}
		}
	case reflect.Map:
		keys := sortKeys(val.MapKeys())
		for _, k := range keys {
			ran = true
			if s.rangeIteration(r, mark, k, val.MapIndex(k)) {
				break
			}
		}
	case reflect.Chan:
		if val.IsNil() {
			break
		}
		if val.Type().ChanDir() == reflect.SendDir {
			s.errorf("range over send-only channel %v", val)
		}
		s.errorf("range over channels is not supported by gol's text/template")
	case reflect.Invalid:
	default:
		s.errorf("range can't iterate over %v", val)
	}
	if !ran && r.elseList != nil {
		s.walk(dot, r.elseList)
	}
}

// sortKeys orders map keys as Go's fmt does (internal/fmtsort): numbers by value, strings
// lexically, false before true.
func sortKeys(keys []reflect.Value) []reflect.Value {
	sort.SliceStable(keys, func(i, j int) bool { return compareKeys(keys[i], keys[j]) < 0 })
	return keys
}

func compareKeys(a, b reflect.Value) int {
	if a.Kind() != b.Kind() {
		return -1
	}
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp3(a.Int() < b.Int(), a.Int() > b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp3(a.Uint() < b.Uint(), a.Uint() > b.Uint())
	case reflect.String:
		return strings.Compare(a.String(), b.String())
	case reflect.Float32, reflect.Float64:
		return cmp3(a.Float() < b.Float(), a.Float() > b.Float())
	case reflect.Bool:
		return cmp3(!a.Bool() && b.Bool(), a.Bool() && !b.Bool())
	case reflect.Pointer, reflect.Chan:
		return cmp3(a.Pointer() < b.Pointer(), a.Pointer() > b.Pointer())
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if c := compareKeys(a.Field(i), b.Field(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Array:
		for i := 0; i < a.Len(); i++ {
			if c := compareKeys(a.Index(i), b.Index(i)); c != 0 {
				return c
			}
		}
		return 0
	case reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return cmp3(a.IsNil() && !b.IsNil(), !a.IsNil() && b.IsNil())
		}
		return compareKeys(a.Elem(), b.Elem())
	}
	return 0
}

func cmp3(less, greater bool) int {
	if less {
		return -1
	}
	if greater {
		return 1
	}
	return 0
}

func (s *state) walkTemplate(dot reflect.Value, t *templateNode) {
	s.at(t)
	tmpl := s.tmpl.Lookup(t.name)
	if tmpl == nil {
		s.errorf("template %q not defined", t.name)
	}
	if s.depth == maxExecDepth {
		s.errorf("exceeded maximum template depth (%v)", maxExecDepth)
	}
	if t.pipe != nil {
		dot = s.evalPipeline(dot, t.pipe)
	} else {
		dot = reflect.Value{}
	}
	ns := &state{tmpl: tmpl, wr: s.wr, depth: s.depth + 1, vars: []variable{{"$", dot}}}
	if tmpl.tree == nil || tmpl.tree.root == nil {
		ns.errorf("%q is an incomplete or empty template", tmpl.Name())
	}
	ns.walk(dot, tmpl.tree.root)
}

func (s *state) evalPipeline(dot reflect.Value, pipe *pipeNode) (value reflect.Value) {
	if pipe == nil {
		return
	}
	s.at(pipe)
	value = missingVal
	for _, cmd := range pipe.cmds {
		value = s.evalCommand(dot, cmd, value)
		if value.Kind() == reflect.Interface && value.Type().NumMethod() == 0 {
			value = reflect.ValueOf(value.Interface())
		}
	}
	for _, v := range pipe.decl {
		if pipe.isAssign {
			s.setVar(v.ident[0], value)
		} else {
			s.push(v.ident[0], value)
		}
	}
	return value
}

func (s *state) notAFunction(args []node, final reflect.Value) {
	if len(args) > 1 || !isMissing(final) {
		s.errorf("can't give argument to non-function %s", args[0])
	}
}

func (s *state) evalCommand(dot reflect.Value, cmd *commandNode, final reflect.Value) reflect.Value {
	first := cmd.args[0]
	switch n := first.(type) {
	case *fieldNode:
		return s.evalFieldNode(dot, n, cmd.args, final)
	case *chainNode:
		return s.evalChainNode(dot, n, cmd.args, final)
	case *identifierNode:
		return s.evalFunction(dot, n, cmd, cmd.args, final)
	case *pipeNode:
		s.notAFunction(cmd.args, final)
		return s.evalPipeline(dot, n)
	case *variableNode:
		return s.evalVariableNode(dot, n, cmd.args, final)
	}
	s.at(first)
	s.notAFunction(cmd.args, final)
	switch w := first.(type) {
	case *boolNode:
		return reflect.ValueOf(w.val)
	case *dotNode:
		return dot
	case *nilNode:
		s.errorf("nil is not a command")
	case *numberNode:
		return s.idealConstant(w)
	case *stringNode:
		return reflect.ValueOf(w.text)
	}
	s.errorf("can't evaluate command %q", first)
	return reflect.Value{}
}

func (s *state) idealConstant(c *numberNode) reflect.Value {
	s.at(c)
	switch {
	case c.isFloat && !strings.HasPrefix(c.text, "0x") && !strings.HasPrefix(c.text, "'") && strings.ContainsAny(c.text, ".eEpP"):
		return reflect.ValueOf(c.f)
	case c.isInt:
		return reflect.ValueOf(int(c.i))
	case c.isUint:
		s.errorf("%s overflows int", c.text)
	}
	return reflect.Value{}
}

func (s *state) evalFieldNode(dot reflect.Value, field *fieldNode, args []node, final reflect.Value) reflect.Value {
	s.at(field)
	return s.evalFieldChain(dot, dot, field, field.ident, args, final)
}

func (s *state) evalChainNode(dot reflect.Value, chain *chainNode, args []node, final reflect.Value) reflect.Value {
	s.at(chain)
	if chain.node.typ() == nodeNil {
		s.errorf("indirection through explicit nil in %s", chain)
	}
	pipe := s.evalArg(dot, nil, chain.node)
	return s.evalFieldChain(dot, pipe, chain, chain.field, args, final)
}

func (s *state) evalVariableNode(dot reflect.Value, v *variableNode, args []node, final reflect.Value) reflect.Value {
	s.at(v)
	value := s.varValue(v.ident[0])
	if len(v.ident) == 1 {
		s.notAFunction(args, final)
		return value
	}
	return s.evalFieldChain(dot, value, v, v.ident[1:], args, final)
}

func (s *state) evalFieldChain(dot, receiver reflect.Value, n node, ident []string, args []node, final reflect.Value) reflect.Value {
	last := len(ident)
	for i := 0; i < last-1; i++ {
		receiver = s.evalField(dot, ident[i], n, nil, missingVal, receiver)
	}
	return s.evalField(dot, ident[last-1], n, args, final, receiver)
}

func (s *state) evalFunction(dot reflect.Value, n *identifierNode, cmd node, args []node, final reflect.Value) reflect.Value {
	s.at(n)
	name := n.ident
	fn, isBuiltin, ok := s.findFunction(name)
	if !ok {
		s.errorf("%q is not a defined function", name)
	}
	return s.evalCall(dot, fn, isBuiltin, cmd, name, args, final)
}

func (s *state) findFunction(name string) (reflect.Value, bool, bool) {
	if fn, ok := s.tmpl.common.execFuncs[name]; ok {
		return fn, false, true
	}
	if fn, ok := builtinFuncs()[name]; ok {
		return fn, true, true
	}
	return reflect.Value{}, false, false
}

func (s *state) evalField(dot reflect.Value, fieldName string, n node, args []node, final, receiver reflect.Value) reflect.Value {
	if !receiver.IsValid() {
		if s.tmpl.common.missingKey == mapError {
			s.errorf("nil data; no entry for key %q", fieldName)
		}
		return reflect.Value{}
	}
	typ := receiver.Type()
	receiver, isNil := indirect(receiver)
	if receiver.Kind() == reflect.Interface && isNil {
		s.errorf("nil pointer evaluating %s.%s", typ, fieldName)
		return reflect.Value{}
	}
	ptr := receiver
	if ptr.Kind() != reflect.Interface && ptr.Kind() != reflect.Pointer && ptr.CanAddr() {
		ptr = ptr.Addr()
	}
	if method := ptr.MethodByName(fieldName); method.IsValid() {
		return s.evalCall(dot, method, false, n, fieldName, args, final)
	}
	hasArgs := len(args) > 1 || !isMissing(final)
	switch receiver.Kind() {
	case reflect.Struct:
		tField, ok := receiver.Type().FieldByName(fieldName)
		if ok {
			if !tField.IsExported() {
				s.errorf("%s is an unexported field of struct type %s", fieldName, typ)
			}
			field := receiver
			for i, x := range tField.Index {
				if i > 0 && field.Kind() == reflect.Pointer {
					if field.IsNil() {
						s.errorf("reflect: indirection through nil pointer to embedded struct field %s", receiver.Type().Field(tField.Index[0]).Name)
					}
					field = field.Elem()
				}
				field = field.Field(x)
			}
			if hasArgs {
				s.errorf("%s has arguments but cannot be invoked as function", fieldName)
			}
			return field
		}
	case reflect.Map:
		nameVal := reflect.ValueOf(fieldName)
		if nameVal.Type().AssignableTo(receiver.Type().Key()) {
			if hasArgs {
				s.errorf("%s is not a method but has arguments", fieldName)
			}
			result := receiver.MapIndex(nameVal)
			if !result.IsValid() {
				switch s.tmpl.common.missingKey {
				case mapZeroValue:
					result = reflect.Zero(receiver.Type().Elem())
				case mapError:
					s.errorf("map has no entry for key %q", fieldName)
				}
			}
			return result
		}
	case reflect.Pointer:
		etyp := receiver.Type().Elem()
		if etyp.Kind() == reflect.Struct {
			if _, ok := etyp.FieldByName(fieldName); !ok {
				s.errorf("can't evaluate field %s in type %s", fieldName, typ)
			}
		}
		if isNil {
			s.errorf("nil pointer evaluating %s.%s", typ, fieldName)
		}
	}
	s.errorf("can't evaluate field %s in type %s", fieldName, typ)
	return reflect.Value{}
}

func indirect(v reflect.Value) (reflect.Value, bool) {
	for ; v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface; v = v.Elem() {
		if v.IsNil() {
			return v, true
		}
	}
	return v, false
}

func indirectInterface(v reflect.Value) reflect.Value {
	if v.Kind() != reflect.Interface {
		return v
	}
	if v.IsNil() {
		return reflect.Value{}
	}
	return v.Elem()
}

func goodFunc(name string, typ reflect.Type) error {
	switch {
	case typ.NumOut() == 1:
		return nil
	case typ.NumOut() == 2 && typ.Out(1) == errorType:
		return nil
	case typ.NumOut() == 2:
		return fmt.Errorf("invalid function signature for %s: second return value should be error; is %s", name, typ.Out(1))
	}
	return fmt.Errorf("function %s has %d return values; should be 1 or 2", name, typ.NumOut())
}

func unwrapValue(v reflect.Value) reflect.Value {
	if v.IsValid() && v.Type() == reflectValueType {
		v = v.Interface().(reflect.Value)
	}
	return v
}

func (s *state) evalCall(dot, fn reflect.Value, isBuiltin bool, n node, name string, args []node, final reflect.Value) reflect.Value {
	if args != nil {
		args = args[1:]
	}
	typ := fn.Type()
	numIn := len(args)
	if !isMissing(final) {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			s.errorf("wrong number of args for %s: want at least %d got %d", name, typ.NumIn()-1, len(args))
		}
	} else if numIn != typ.NumIn() {
		s.errorf("wrong number of args for %s: want %d got %d", name, typ.NumIn(), numIn)
	}
	if err := goodFunc(name, typ); err != nil {
		s.errorf("%v", err)
	}
	if isBuiltin && (name == "and" || name == "or") {
		argType := typ.In(0)
		var v reflect.Value
		for _, arg := range args {
			v = s.evalArg(dot, argType, arg).Interface().(reflect.Value)
			if truth(v) == (name == "or") {
				return v
			}
		}
		if !isMissing(final) {
			v = unwrapValue(s.validateType(final, argType))
		}
		return v
	}
	argv := make([]reflect.Value, numIn)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		argv[i] = s.evalArg(dot, typ.In(i), args[i])
	}
	if typ.IsVariadic() {
		argType := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			argv[i] = s.evalArg(dot, argType, args[i])
		}
	}
	if !isMissing(final) {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		argv[i] = s.validateType(final, t)
	}
	if isBuiltin && name == "call" {
		calleeName := args[0].String()
		argv = append([]reflect.Value{reflect.ValueOf(calleeName)}, argv...)
		fn = reflect.ValueOf(call)
	}
	v, err := safeCall(fn, argv)
	if err != nil {
		s.at(n)
		s.errorf("error calling %s: %w", name, err)
	}
	return unwrapValue(v)
}

func safeCall(fn reflect.Value, args []reflect.Value) (val reflect.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(error); ok {
				err = e
			} else {
				err = fmt.Errorf("%v", r)
			}
		}
	}()
	ret := fn.Call(args)
	if len(ret) == 2 && !ret[1].IsNil() {
		return ret[0], ret[1].Interface().(error)
	}
	return ret[0], nil
}

func canBeNil(typ reflect.Type) bool {
	switch typ.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return true
	case reflect.Struct:
		return typ == reflectValueType
	}
	return false
}

func (s *state) validateType(value reflect.Value, typ reflect.Type) reflect.Value {
	if !value.IsValid() {
		if typ == nil {
			return reflect.ValueOf(nil)
		}
		if canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.errorf("invalid value; expected %s", typ)
	}
	if typ == reflectValueType && value.Type() != typ {
		return reflect.ValueOf(value)
	}
	if typ != nil && !value.Type().AssignableTo(typ) {
		if value.Kind() == reflect.Interface && !value.IsNil() {
			value = value.Elem()
			if value.Type().AssignableTo(typ) {
				return value
			}
		}
		switch {
		case value.Kind() == reflect.Pointer && value.Type().Elem().AssignableTo(typ):
			value = value.Elem()
			if !value.IsValid() {
				s.errorf("dereference of nil pointer of type %s", typ)
			}
		case reflect.PointerTo(value.Type()).AssignableTo(typ) && value.CanAddr():
			value = value.Addr()
		default:
			s.errorf("wrong type for value; expected %s; got %s", typ, value.Type())
		}
	}
	return value
}

func (s *state) evalArg(dot reflect.Value, typ reflect.Type, n node) reflect.Value {
	s.at(n)
	switch arg := n.(type) {
	case *dotNode:
		return s.validateType(dot, typ)
	case *nilNode:
		if typ != nil && canBeNil(typ) {
			return reflect.Zero(typ)
		}
		s.errorf("cannot assign nil to %s", typ)
	case *fieldNode:
		return s.validateType(s.evalFieldNode(dot, arg, []node{n}, missingVal), typ)
	case *variableNode:
		return s.validateType(s.evalVariableNode(dot, arg, nil, missingVal), typ)
	case *pipeNode:
		return s.validateType(s.evalPipeline(dot, arg), typ)
	case *identifierNode:
		return s.validateType(s.evalFunction(dot, arg, arg, nil, missingVal), typ)
	case *chainNode:
		return s.validateType(s.evalChainNode(dot, arg, nil, missingVal), typ)
	}
	if typ == nil {
		return s.evalEmptyInterface(dot, n)
	}
	switch typ.Kind() {
	case reflect.Bool:
		if b, ok := n.(*boolNode); ok {
			v := reflect.New(typ).Elem()
			v.SetBool(b.val)
			return v
		}
		s.errorf("expected bool; found %s", n)
	case reflect.Float32, reflect.Float64:
		if num, ok := n.(*numberNode); ok && num.isFloat {
			v := reflect.New(typ).Elem()
			v.SetFloat(num.f)
			return v
		}
		s.errorf("expected float; found %s", n)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if num, ok := n.(*numberNode); ok && num.isInt {
			v := reflect.New(typ).Elem()
			v.SetInt(num.i)
			return v
		}
		s.errorf("expected integer; found %s", n)
	case reflect.Interface:
		if typ.NumMethod() == 0 {
			return s.evalEmptyInterface(dot, n)
		}
	case reflect.Struct:
		if typ == reflectValueType {
			return reflect.ValueOf(s.evalEmptyInterface(dot, n))
		}
	case reflect.String:
		if str, ok := n.(*stringNode); ok {
			v := reflect.New(typ).Elem()
			v.SetString(str.text)
			return v
		}
		s.errorf("expected string; found %s", n)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if num, ok := n.(*numberNode); ok && num.isUint {
			v := reflect.New(typ).Elem()
			v.SetUint(num.u)
			return v
		}
		s.errorf("expected unsigned integer; found %s", n)
	}
	s.errorf("can't handle %s for arg of type %s", n, typ)
	return reflect.Value{}
}

func (s *state) evalEmptyInterface(dot reflect.Value, n node) reflect.Value {
	s.at(n)
	switch n := n.(type) {
	case *boolNode:
		return reflect.ValueOf(n.val)
	case *dotNode:
		return dot
	case *fieldNode:
		return s.evalFieldNode(dot, n, nil, missingVal)
	case *identifierNode:
		return s.evalFunction(dot, n, n, nil, missingVal)
	case *nilNode:
		s.errorf("evalEmptyInterface: nil (can't happen)")
	case *numberNode:
		return s.idealConstant(n)
	case *stringNode:
		return reflect.ValueOf(n.text)
	case *variableNode:
		return s.evalVariableNode(dot, n, nil, missingVal)
	case *pipeNode:
		return s.evalPipeline(dot, n)
	}
	s.errorf("can't handle assignment of %s to empty interface argument", n)
	return reflect.Value{}
}

func (s *state) printValue(n node, v reflect.Value) {
	s.at(n)
	iface, ok := printableValue(v)
	if !ok {
		s.errorf("can't print %s of type %s", n, v.Type())
	}
	if _, err := fmt.Fprint(s.wr, iface); err != nil {
		panic(writeError{err})
	}
}

func printableValue(v reflect.Value) (any, bool) {
	if v.Kind() == reflect.Pointer {
		v, _ = indirect(v)
	}
	if !v.IsValid() {
		return "<no value>", true
	}
	if !v.Type().Implements(errorType) && !v.Type().Implements(fmtStringerType) {
		if v.CanAddr() && (reflect.PointerTo(v.Type()).Implements(errorType) || reflect.PointerTo(v.Type()).Implements(fmtStringerType)) {
			v = v.Addr()
		} else {
			switch v.Kind() {
			case reflect.Chan, reflect.Func:
				return nil, false
			}
		}
	}
	return v.Interface(), true
}

// ---- builtin functions ----

var builtinNames = map[string]any{
	"and": nil, "call": nil, "html": nil, "index": nil, "slice": nil, "js": nil, "len": nil,
	"not": nil, "or": nil, "print": nil, "printf": nil, "println": nil, "urlquery": nil,
	"eq": nil, "ge": nil, "gt": nil, "le": nil, "lt": nil, "ne": nil,
}

var builtinCache map[string]reflect.Value

func builtinFuncs() map[string]reflect.Value {
	if builtinCache != nil {
		return builtinCache
	}
	m := map[string]any{
		"and":      and,
		"call":     emptyCall,
		"html":     HTMLEscaper,
		"index":    index,
		"slice":    slice,
		"js":       JSEscaper,
		"len":      length,
		"not":      not,
		"or":       or,
		"print":    fmt.Sprint,
		"printf":   fmt.Sprintf,
		"println":  fmt.Sprintln,
		"urlquery": URLQueryEscaper,
		"eq":       eq,
		"ge":       ge,
		"gt":       gt,
		"le":       le,
		"lt":       lt,
		"ne":       ne,
	}
	c := map[string]reflect.Value{}
	for k, v := range m {
		c[k] = reflect.ValueOf(v)
	}
	builtinCache = c
	return c
}

func truth(arg reflect.Value) bool {
	t, _ := isTrue(indirectInterface(arg))
	return t
}

func and(arg0 reflect.Value, args ...reflect.Value) reflect.Value {
	panic("unreachable") // and/or are evaluated by evalCall, which short-circuits
}

func or(arg0 reflect.Value, args ...reflect.Value) reflect.Value {
	panic("unreachable")
}

func not(arg reflect.Value) bool {
	return !truth(arg)
}

func emptyCall(fn reflect.Value, args ...reflect.Value) reflect.Value {
	panic("unreachable")
}

func call(name string, fn reflect.Value, args ...reflect.Value) (reflect.Value, error) {
	fn = indirectInterface(fn)
	if !fn.IsValid() {
		return reflect.Value{}, fmt.Errorf("call of nil")
	}
	typ := fn.Type()
	if typ.Kind() != reflect.Func {
		return reflect.Value{}, fmt.Errorf("non-function %s of type %s", name, typ)
	}
	if err := goodFunc(name, typ); err != nil {
		return reflect.Value{}, err
	}
	numIn := typ.NumIn()
	var dddType reflect.Type
	if typ.IsVariadic() {
		if len(args) < numIn-1 {
			return reflect.Value{}, fmt.Errorf("wrong number of args for %s: got %d want at least %d", name, len(args), numIn-1)
		}
		dddType = typ.In(numIn - 1).Elem()
	} else if len(args) != numIn {
		return reflect.Value{}, fmt.Errorf("wrong number of args for %s: got %d want %d", name, len(args), numIn)
	}
	argv := make([]reflect.Value, len(args))
	for i, arg := range args {
		arg = indirectInterface(arg)
		argType := dddType
		if !typ.IsVariadic() || i < numIn-1 {
			argType = typ.In(i)
		}
		var err error
		if argv[i], err = prepareArg(arg, argType); err != nil {
			return reflect.Value{}, fmt.Errorf("arg %d: %w", i, err)
		}
	}
	return safeCall(fn, argv)
}

func intLike(k reflect.Kind) bool {
	switch k {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return true
	}
	return false
}

func prepareArg(value reflect.Value, argType reflect.Type) (reflect.Value, error) {
	if !value.IsValid() {
		if !canBeNil(argType) {
			return reflect.Value{}, fmt.Errorf("value is nil; should be of type %s", argType)
		}
		value = reflect.Zero(argType)
	}
	if value.Type().AssignableTo(argType) {
		return value, nil
	}
	if intLike(value.Kind()) && intLike(argType.Kind()) && value.Type().ConvertibleTo(argType) {
		return value.Convert(argType), nil
	}
	return reflect.Value{}, fmt.Errorf("value has type %s; should be %s", value.Type(), argType)
}

func indexArg(index reflect.Value, cap int) (int, error) {
	var x int64
	switch index.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		x = index.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		x = int64(index.Uint())
	case reflect.Invalid:
		return 0, fmt.Errorf("cannot index slice/array with nil")
	default:
		return 0, fmt.Errorf("cannot index slice/array with type %s", index.Type())
	}
	if x < 0 || int(x) < 0 || int(x) > cap {
		return 0, fmt.Errorf("index out of range: %d", x)
	}
	return int(x), nil
}

func index(item reflect.Value, indexes ...reflect.Value) (reflect.Value, error) {
	item = indirectInterface(item)
	if !item.IsValid() {
		return reflect.Value{}, fmt.Errorf("index of untyped nil")
	}
	for _, ix := range indexes {
		ix = indirectInterface(ix)
		var isNil bool
		if item, isNil = indirect(item); isNil {
			return reflect.Value{}, fmt.Errorf("index of nil pointer")
		}
		switch item.Kind() {
		case reflect.Array, reflect.Slice, reflect.String:
			x, err := indexArg(ix, item.Len())
			if err != nil {
				return reflect.Value{}, err
			}
			if x == item.Len() {
				return reflect.Value{}, fmt.Errorf("index out of range: %d", x)
			}
			item = item.Index(x)
		case reflect.Map:
			k, err := prepareArg(ix, item.Type().Key())
			if err != nil {
				return reflect.Value{}, err
			}
			if x := item.MapIndex(k); x.IsValid() {
				item = x
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		default:
			return reflect.Value{}, fmt.Errorf("can't index item of type %s", item.Type())
		}
	}
	return item, nil
}

func slice(item reflect.Value, indexes ...reflect.Value) (reflect.Value, error) {
	item = indirectInterface(item)
	if !item.IsValid() {
		return reflect.Value{}, fmt.Errorf("slice of untyped nil")
	}
	if len(indexes) > 3 {
		return reflect.Value{}, fmt.Errorf("too many slice indexes: %d", len(indexes))
	}
	var cap int
	switch item.Kind() {
	case reflect.String:
		if len(indexes) == 3 {
			return reflect.Value{}, fmt.Errorf("cannot 3-index slice a string")
		}
		cap = item.Len()
	case reflect.Array, reflect.Slice:
		cap = item.Cap()
	default:
		return reflect.Value{}, fmt.Errorf("can't slice item of type %s", item.Type())
	}
	idx := [3]int{0, item.Len()}
	for i, ix := range indexes {
		x, err := indexArg(ix, cap)
		if err != nil {
			return reflect.Value{}, err
		}
		idx[i] = x
	}
	if idx[0] > idx[1] {
		return reflect.Value{}, fmt.Errorf("invalid slice index: %d > %d", idx[0], idx[1])
	}
	if len(indexes) < 3 {
		return item.Slice(idx[0], idx[1]), nil
	}
	if idx[1] > idx[2] {
		return reflect.Value{}, fmt.Errorf("invalid slice index: %d > %d", idx[1], idx[2])
	}
	return reflect.Value{}, fmt.Errorf("3-index slice is not supported by gol's text/template")
}

func length(item reflect.Value) (int, error) {
	item, isNil := indirect(item)
	if isNil {
		return 0, fmt.Errorf("len of nil pointer")
	}
	switch item.Kind() {
	case reflect.Array, reflect.Chan, reflect.Map, reflect.Slice, reflect.String:
		return item.Len(), nil
	}
	return 0, fmt.Errorf("len of type %s", item.Type())
}

var (
	errBadComparisonType = errors.New("invalid type for comparison")
	errBadComparison     = errors.New("incompatible types for comparison")
	errNoComparison      = errors.New("missing argument for comparison")
)

type kind int

const (
	invalidKind kind = iota
	boolKind
	complexKind
	intKind
	floatKind
	stringKind
	uintKind
)

func basicKind(v reflect.Value) (kind, error) {
	switch v.Kind() {
	case reflect.Bool:
		return boolKind, nil
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return intKind, nil
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return uintKind, nil
	case reflect.Float32, reflect.Float64:
		return floatKind, nil
	case reflect.String:
		return stringKind, nil
	}
	return invalidKind, errBadComparisonType
}

func isNil(v reflect.Value) bool {
	if !v.IsValid() {
		return true
	}
	switch v.Kind() {
	case reflect.Chan, reflect.Func, reflect.Interface, reflect.Map, reflect.Pointer, reflect.Slice:
		return v.IsNil()
	}
	return false
}

func canCompare(v1, v2 reflect.Value) bool {
	k1 := v1.Kind()
	k2 := v2.Kind()
	if k1 == reflect.Invalid || k2 == reflect.Invalid {
		return true
	}
	if k1 != k2 {
		return false
	}
	return v1.Type() == v2.Type()
}

func eq(arg1 reflect.Value, arg2 ...reflect.Value) (bool, error) {
	arg1 = indirectInterface(arg1)
	if len(arg2) == 0 {
		return false, errNoComparison
	}
	k1, _ := basicKind(arg1)
	for _, arg := range arg2 {
		arg = indirectInterface(arg)
		k2, _ := basicKind(arg)
		t := false
		if k1 != k2 {
			switch {
			case k1 == intKind && k2 == uintKind:
				t = arg1.Int() >= 0 && uint64(arg1.Int()) == arg.Uint()
			case k1 == uintKind && k2 == intKind:
				t = arg.Int() >= 0 && arg1.Uint() == uint64(arg.Int())
			default:
				if arg1.IsValid() && arg.IsValid() {
					return false, errBadComparison
				}
			}
		} else {
			switch k1 {
			case boolKind:
				t = arg1.Bool() == arg.Bool()
			case floatKind:
				t = arg1.Float() == arg.Float()
			case intKind:
				t = arg1.Int() == arg.Int()
			case stringKind:
				t = arg1.String() == arg.String()
			case uintKind:
				t = arg1.Uint() == arg.Uint()
			default:
				if !canCompare(arg1, arg) {
					return false, fmt.Errorf("non-comparable types %s: %v, %s: %v", arg1, arg1.Type(), arg.Type(), arg)
				}
				if isNil(arg1) || isNil(arg) {
					t = isNil(arg) == isNil(arg1)
				} else {
					if !arg.Type().Comparable() {
						return false, fmt.Errorf("non-comparable type %s: %v", arg, arg.Type())
					}
					t = arg1.Interface() == arg.Interface()
				}
			}
		}
		if t {
			return true, nil
		}
	}
	return false, nil
}

func ne(arg1, arg2 reflect.Value) (bool, error) {
	equal, err := eq(arg1, arg2)
	return !equal, err
}

func lt(arg1, arg2 reflect.Value) (bool, error) {
	arg1 = indirectInterface(arg1)
	k1, err := basicKind(arg1)
	if err != nil {
		return false, err
	}
	arg2 = indirectInterface(arg2)
	k2, err := basicKind(arg2)
	if err != nil {
		return false, err
	}
	t := false
	if k1 != k2 {
		switch {
		case k1 == intKind && k2 == uintKind:
			t = arg1.Int() < 0 || uint64(arg1.Int()) < arg2.Uint()
		case k1 == uintKind && k2 == intKind:
			t = arg2.Int() >= 0 && arg1.Uint() < uint64(arg2.Int())
		default:
			return false, errBadComparison
		}
	} else {
		switch k1 {
		case boolKind, complexKind:
			return false, errBadComparisonType
		case floatKind:
			t = arg1.Float() < arg2.Float()
		case intKind:
			t = arg1.Int() < arg2.Int()
		case stringKind:
			t = arg1.String() < arg2.String()
		case uintKind:
			t = arg1.Uint() < arg2.Uint()
		}
	}
	return t, nil
}

func le(arg1, arg2 reflect.Value) (bool, error) {
	lessThan, err := lt(arg1, arg2)
	if lessThan || err != nil {
		return lessThan, err
	}
	return eq(arg1, arg2)
}

func gt(arg1, arg2 reflect.Value) (bool, error) {
	lessOrEqual, err := le(arg1, arg2)
	if err != nil {
		return false, err
	}
	return !lessOrEqual, nil
}

func ge(arg1, arg2 reflect.Value) (bool, error) {
	lessThan, err := lt(arg1, arg2)
	if err != nil {
		return false, err
	}
	return !lessThan, nil
}

// HTMLEscapeString returns the escaped HTML equivalent of the plain text data s.
func HTMLEscapeString(s string) string {
	if !strings.ContainsAny(s, "'\"&<>\000") {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case 0:
			b.WriteString("\uFFFD")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// HTMLEscaper returns the escaped HTML equivalent of the textual representation of its
// arguments.
func HTMLEscaper(args ...any) string {
	return HTMLEscapeString(evalArgs(args))
}

// JSEscapeString returns the escaped JavaScript equivalent of the plain text data s.
func JSEscapeString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '\\':
			b.WriteString(`\\`)
		case '\'':
			b.WriteString(`\'`)
		case '"':
			b.WriteString(`\"`)
		case '<':
			b.WriteString(`\u003C`)
		case '>':
			b.WriteString(`\u003E`)
		case '&':
			b.WriteString(`\u0026`)
		case '=':
			b.WriteString(`\u003D`)
		default:
			if r < ' ' || !unicode.IsPrint(r) {
				fmt.Fprintf(&b, "\\u%04X", r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// JSEscaper returns the escaped JavaScript equivalent of the textual representation of
// its arguments.
func JSEscaper(args ...any) string {
	return JSEscapeString(evalArgs(args))
}

// URLQueryEscaper returns the escaped value of the textual representation of its
// arguments in a form suitable for embedding in a URL query.
func URLQueryEscaper(args ...any) string {
	s := evalArgs(args)
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9', c == '-', c == '_', c == '.', c == '~':
			b.WriteByte(c)
		case c == ' ':
			b.WriteByte('+')
		default:
			b.WriteByte('%')
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
		}
	}
	return b.String()
}

func evalArgs(args []any) string {
	if len(args) == 1 {
		if s, ok := args[0].(string); ok {
			return s
		}
	}
	for i, arg := range args {
		a, ok := printableValue(reflect.ValueOf(arg))
		if ok {
			args[i] = a
		}
	}
	return fmt.Sprint(args...)
}
