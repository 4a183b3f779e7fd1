// Struct fields as encoding/json sees them (Go's typeFields): tags, embedded-struct
// promotion by depth, dominance and the per-type cache.
package json

import (
	"reflect"
	"sort"
	"strings"
	"sync"
	"unicode"
)

// ---- struct fields ----

type field struct {
	name      string
	tag       bool
	index     []int
	typ       reflect.Type
	omitEmpty bool
	omitZero  bool
	quoted    bool
}

type structFields struct {
	list   []field
	byName map[string]int
}

var fieldCache struct {
	mu sync.Mutex
	m  map[reflect.Type]*structFields
}

func cachedTypeFields(t reflect.Type) *structFields {
	fieldCache.mu.Lock()
	f := fieldCache.m[t]
	fieldCache.mu.Unlock()
	if f != nil {
		return f
	}
	f = typeFields(t)
	fieldCache.mu.Lock()
	if fieldCache.m == nil {
		fieldCache.m = map[reflect.Type]*structFields{}
	}
	fieldCache.m[t] = f
	fieldCache.mu.Unlock()
	return f
}

func parseTag(tag string) (string, string) {
	name, opt, _ := strings.Cut(tag, ",")
	return name, opt
}

func tagHas(opts, name string) bool {
	for opts != "" {
		var o string
		o, opts, _ = strings.Cut(opts, ",")
		if o == name {
			return true
		}
	}
	return false
}

func isValidTag(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		switch {
		case strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", c):
		case !unicode.IsLetter(c) && !unicode.IsDigit(c):
			return false
		}
	}
	return true
}

func lessByIndex(a, b []int) bool {
	for k, x := range a {
		if k >= len(b) {
			return false
		}
		if x != b[k] {
			return x < b[k]
		}
	}
	return len(a) < len(b)
}

// typeFields returns the fields JSON should recognize for struct type t, by Go's rules:
// breadth-first through embedded structs, the shallowest (then tagged) field of a name wins,
// and names that stay ambiguous are dropped.
func typeFields(t reflect.Type) *structFields {
	var current []field
	next := []field{{typ: t}}
	var count, nextCount map[reflect.Type]int
	visited := map[reflect.Type]bool{}
	var fields []field
	for len(next) > 0 {
		current, next = next, nil
		count, nextCount = nextCount, map[reflect.Type]int{}
		for _, f := range current {
			if visited[f.typ] {
				continue
			}
			visited[f.typ] = true
			for i := 0; i < f.typ.NumField(); i++ {
				sf := f.typ.Field(i)
				if sf.Anonymous {
					et := sf.Type
					if et.Kind() == reflect.Pointer {
						et = et.Elem()
					}
					if !sf.IsExported() && et.Kind() != reflect.Struct {
						continue
					}
				} else if !sf.IsExported() {
					continue
				}
				tag := sf.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, opts := parseTag(tag)
				if !isValidTag(name) {
					name = ""
				}
				index := make([]int, len(f.index)+1)
				copy(index, f.index)
				index[len(f.index)] = i
				ft := sf.Type
				if ft.Name() == "" && ft.Kind() == reflect.Pointer {
					ft = ft.Elem()
				}
				quoted := false
				if tagHas(opts, "string") {
					switch ft.Kind() {
					case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
						reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
						reflect.Float32, reflect.Float64, reflect.String:
						quoted = true
					}
				}
				if name != "" || !sf.Anonymous || ft.Kind() != reflect.Struct {
					tagged := name != ""
					if name == "" {
						name = sf.Name
					}
					nf := field{name: name, tag: tagged, index: index, typ: ft,
						omitEmpty: tagHas(opts, "omitempty"), omitZero: tagHas(opts, "omitzero"), quoted: quoted}
					fields = append(fields, nf)
					if count[f.typ] > 1 {
						fields = append(fields, nf)
					}
					continue
				}
				nextCount[ft]++
				if nextCount[ft] == 1 {
					next = append(next, field{name: ft.Name(), index: index, typ: ft})
				}
			}
		}
	}
	sort.Slice(fields, func(i, j int) bool {
		x, y := fields[i], fields[j]
		if x.name != y.name {
			return x.name < y.name
		}
		if len(x.index) != len(y.index) {
			return len(x.index) < len(y.index)
		}
		if x.tag != y.tag {
			return x.tag
		}
		return lessByIndex(x.index, y.index)
	})
	var out []field
	for i := 0; i < len(fields); {
		j := i + 1
		for j < len(fields) && fields[j].name == fields[i].name {
			j++
		}
		if j-i == 1 {
			out = append(out, fields[i])
		} else if len(fields[i].index) != len(fields[i+1].index) || fields[i].tag != fields[i+1].tag {
			out = append(out, fields[i]) // the dominant field
		}
		i = j
	}
	sort.Slice(out, func(i, j int) bool { return lessByIndex(out[i].index, out[j].index) })
	sf := &structFields{list: out, byName: map[string]int{}}
	for i, f := range out {
		sf.byName[f.name] = i
	}
	return sf
}

// lookup finds the field for a JSON key: exact name first, then case-insensitively.
func (sf *structFields) lookup(key string) *field {
	if i, ok := sf.byName[key]; ok {
		return &sf.list[i]
	}
	for i := range sf.list {
		if strings.EqualFold(sf.list[i].name, key) {
			return &sf.list[i]
		}
	}
	return nil
}
