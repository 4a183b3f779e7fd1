// The parse tree of text/template and its parser (Go's text/template/parse): nodes with
// their String() forms, and Go's grammar and error texts.
package template

import (
	"fmt"
	"strconv"
	"strings"
)

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
	pos int
	val bool
}

type numberNode struct {
	pos       int
	isInt     bool
	isUint    bool
	isFloat   bool
	isComplex bool
	i         int64
	u         uint64
	f         float64
	c         complex128
	text      string
}

// simplifyComplex makes a complex constant with no imaginary part also a float (and an
// integer when it is integral).
func (n *numberNode) simplifyComplex() {
	n.f = real(n.c)
	if imag(n.c) == 0 {
		n.isFloat = true
		n.i = int64(n.f)
		n.isInt = float64(n.i) == n.f
		if n.f >= 0 {
			n.u = uint64(n.f)
			n.isUint = float64(n.u) == n.f
		}
	}
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
	if it.typ == itemComplex {
		if _, err := fmt.Sscan(text, &n.c); err != nil {
			p.errorf("%s", err)
		}
		n.isComplex = true
		n.simplifyComplex()
		return n
	}
	if len(text) > 0 && text[len(text)-1] == 'i' {
		if f, err := strconv.ParseFloat(text[:len(text)-1], 64); err == nil {
			n.isComplex = true
			n.c = complex(0, f)
			n.simplifyComplex()
			return n
		}
	}
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
