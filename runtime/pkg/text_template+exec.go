// Execution of text/template over package reflect (Go's exec.go): walking the tree, fields,
// methods, map keys and missingkey, variables, calls with Go's argument rules, and
// `template: NAME:LINE:COL: executing ...` errors.
package template

import (
	"fmt"
	"io"
	"reflect"
	"sort"
	"strings"
)

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
	case reflect.Complex64, reflect.Complex128:
		truth = val.Complex() != 0
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
		for i := 0; ; i++ {
			elem, ok := val.Recv()
			if !ok {
				break
			}
			ran = true
			if s.rangeIteration(r, mark, reflect.ValueOf(i), elem) {
				break
			}
		}
	case reflect.Invalid:
	case reflect.Func:
		ran = s.rangeFunc(r, mark, val)
	default:
		s.errorf("range can't iterate over %v", val)
	}
	if !ran && r.elseList != nil {
		s.walk(dot, r.elseList)
	}
}

// rangeFunc ranges over an iterator function (Go 1.24): a func(yield func(V) bool) or
// func(yield func(K, V) bool), called with a yield made by reflect.MakeFunc. With one
// variable it takes V, or K from a two-value iterator, as in Go. A {{break}} leaves the
// iterator by a panic, as Go's range-over-func loop body's panic(walkBreak) does (the
// iterator's code after yield does not run). It reports whether the body ran.
func (s *state) rangeFunc(r *branchNode, mark int, val reflect.Value) (ran bool) {
	defer func() {
		if x := recover(); x != nil && x != walkBreak {
			panic(x)
		}
	}()
	t := val.Type()
	var y reflect.Type
	if t.NumIn() == 1 && t.NumOut() == 0 && t.In(0).Kind() == reflect.Func {
		y = t.In(0)
	}
	if y == nil || y.NumOut() != 1 || y.Out(0).Kind() != reflect.Bool || y.NumIn() < 1 || y.NumIn() > 2 {
		s.errorf("range can't iterate over %v", val)
	}
	if y.NumIn() == 1 && len(r.pipe.decl) > 1 {
		s.errorf("can't use %v iterate over more than one variable", val)
	}
	yield := reflect.MakeFunc(y, func(args []reflect.Value) []reflect.Value {
		ran = true
		var stop bool
		if len(args) == 2 && len(r.pipe.decl) > 1 {
			stop = s.rangeIteration(r, mark, args[0], args[1])
		} else {
			stop = s.rangeIteration(r, mark, reflect.Value{}, args[0])
		}
		if stop {
			panic(walkBreak)
		}
		return []reflect.Value{reflect.ValueOf(true)}
	})
	val.Call([]reflect.Value{yield})
	return ran
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
	case c.isComplex:
		return reflect.ValueOf(c.c)
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
	case reflect.Complex64, reflect.Complex128:
		if num, ok := n.(*numberNode); ok && num.isComplex {
			v := reflect.New(typ).Elem()
			v.SetComplex(num.c)
			return v
		}
		s.errorf("expected complex; found %s", n)
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
