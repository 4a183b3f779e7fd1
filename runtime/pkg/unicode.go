// Package unicode provides data and functions to test some properties of Unicode code
// points, with Go 1.19's tables (Unicode 13.0.0). The built-in tables live in C
// (runtime/pkg/unitab_data.c); a *RangeTable of gol's names them by id, and tables a
// program builds itself are searched here in Go.
package unicode

const (
	MaxRune         = '\U0010FFFF' // Maximum valid Unicode code point.
	ReplacementChar = '\uFFFD'     // Represents invalid code points.
	MaxASCII        = '\u007F'     // maximum ASCII value.
	MaxLatin1       = '\u00FF'     // maximum Latin-1 value.
)

// Indices into the Delta arrays inside CaseRanges for case mapping.
const (
	UpperCase = iota
	LowerCase
	TitleCase
	MaxCase
)

// UpperLower in a CaseRange's Delta marks an alternating sequence of upper and lower case.
const UpperLower = MaxRune + 1

// Version is the Unicode edition from which the tables are derived.
const Version = "13.0.0"

type Range16 struct {
	Lo     uint16
	Hi     uint16
	Stride uint16
}

type Range32 struct {
	Lo     uint32
	Hi     uint32
	Stride uint32
}

// RangeTable defines a set of Unicode code points by listing the ranges of code points
// within the set. gol's predefined tables have empty R16/R32 and a private id.
type RangeTable struct {
	R16         []Range16
	R32         []Range32
	LatinOffset int
	id          int // 1 + index of a built-in table, or 0
}

type CaseRange struct {
	Lo    uint32
	Hi    uint32
	Delta d
}

type d [MaxCase]rune

type SpecialCase []CaseRange

func tableID(name string) int
func isTable(id int, r rune) bool

func builtin(name string) *RangeTable {
	return &RangeTable{id: tableID(name) + 1}
}

var (
	Cc     = builtin("Cc")
	Cf     = builtin("Cf")
	Co     = builtin("Co")
	Cs     = builtin("Cs")
	Digit  = builtin("Nd")
	Nd     = Digit
	Letter = builtin("L")
	L      = Letter
	Lm     = builtin("Lm")
	Lo     = builtin("Lo")
	Lower  = builtin("Ll")
	Ll     = Lower
	Mark   = builtin("M")
	M      = Mark
	Mc     = builtin("Mc")
	Me     = builtin("Me")
	Mn     = builtin("Mn")
	Nl     = builtin("Nl")
	No     = builtin("No")
	Number = builtin("N")
	N      = Number
	Other  = builtin("C")
	C      = Other
	Pc     = builtin("Pc")
	Pd     = builtin("Pd")
	Pe     = builtin("Pe")
	Pf     = builtin("Pf")
	Pi     = builtin("Pi")
	Po     = builtin("Po")
	Ps     = builtin("Ps")
	Punct  = builtin("P")
	P      = Punct
	Sc     = builtin("Sc")
	Sk     = builtin("Sk")
	Sm     = builtin("Sm")
	So     = builtin("So")
	Space  = builtin("Z")
	Z      = Space
	Symbol = builtin("S")
	S      = Symbol
	Title  = builtin("Lt")
	Lt     = Title
	Upper  = builtin("Lu")
	Lu     = Upper
	Zl     = builtin("Zl")
	Zp     = builtin("Zp")
	Zs     = builtin("Zs")
)

var (
	Latin      = builtin("Latin")
	Greek      = builtin("Greek")
	Cyrillic   = builtin("Cyrillic")
	Han        = builtin("Han")
	Hiragana   = builtin("Hiragana")
	Katakana   = builtin("Katakana")
	Hangul     = builtin("Hangul")
	Arabic     = builtin("Arabic")
	Hebrew     = builtin("Hebrew")
	Thai       = builtin("Thai")
	Devanagari = builtin("Devanagari")
	Armenian   = builtin("Armenian")
	Georgian   = builtin("Georgian")
	Common     = builtin("Common")
	Inherited  = builtin("Inherited")
)

var (
	White_Space          = builtin("White_Space")
	ASCII_Hex_Digit      = builtin("ASCII_Hex_Digit")
	Hex_Digit            = builtin("Hex_Digit")
	Hyphen               = builtin("Hyphen")
	Dash                 = builtin("Dash")
	Quotation_Mark       = builtin("Quotation_Mark")
	Diacritic            = builtin("Diacritic")
	Pattern_White_Space  = builtin("Pattern_White_Space")
	Sentence_Terminal    = builtin("Sentence_Terminal")
	Terminal_Punctuation = builtin("Terminal_Punctuation")
)

// GraphicRanges defines the set of graphic characters according to Unicode.
var GraphicRanges = []*RangeTable{L, M, N, P, S, Zs}

// PrintRanges defines the set of printable characters according to Go.
var PrintRanges = []*RangeTable{L, M, N, P, S}

// Categories is the set of Unicode category tables.
var Categories = map[string]*RangeTable{
	"C": C, "Cc": Cc, "Cf": Cf, "Co": Co, "Cs": Cs, "L": L, "Ll": Ll, "Lm": Lm, "Lo": Lo,
	"Lt": Lt, "Lu": Lu, "M": M, "Mc": Mc, "Me": Me, "Mn": Mn, "N": N, "Nd": Nd, "Nl": Nl,
	"No": No, "P": P, "Pc": Pc, "Pd": Pd, "Pe": Pe, "Pf": Pf, "Pi": Pi, "Po": Po, "Ps": Ps,
	"S": S, "Sc": Sc, "Sk": Sk, "Sm": Sm, "So": So, "Z": Z, "Zl": Zl, "Zp": Zp, "Zs": Zs,
}

// Scripts is the set of Unicode script tables gol has.
var Scripts = map[string]*RangeTable{
	"Latin": Latin, "Greek": Greek, "Cyrillic": Cyrillic, "Han": Han, "Hiragana": Hiragana,
	"Katakana": Katakana, "Hangul": Hangul, "Arabic": Arabic, "Hebrew": Hebrew, "Thai": Thai,
	"Devanagari": Devanagari, "Armenian": Armenian, "Georgian": Georgian, "Common": Common,
	"Inherited": Inherited,
}

// Properties is the set of Unicode property tables gol has.
var Properties = map[string]*RangeTable{
	"White_Space": White_Space, "ASCII_Hex_Digit": ASCII_Hex_Digit, "Hex_Digit": Hex_Digit,
	"Hyphen": Hyphen, "Dash": Dash, "Quotation_Mark": Quotation_Mark, "Diacritic": Diacritic,
	"Pattern_White_Space": Pattern_White_Space, "Sentence_Terminal": Sentence_Terminal,
	"Terminal_Punctuation": Terminal_Punctuation,
}

// Is reports whether the rune is in the specified table of ranges.
func Is(rangeTab *RangeTable, r rune) bool {
	if rangeTab.id > 0 {
		return isTable(rangeTab.id-1, r)
	}
	r16 := rangeTab.R16
	if len(r16) > 0 && uint32(r) <= uint32(r16[len(r16)-1].Hi) {
		return is16(r16, uint16(r))
	}
	r32 := rangeTab.R32
	if len(r32) > 0 && r >= rune(r32[0].Lo) {
		return is32(r32, uint32(r))
	}
	return false
}

func is16(ranges []Range16, r uint16) bool {
	lo, hi := 0, len(ranges)
	for lo < hi {
		m := lo + (hi-lo)/2
		range_ := &ranges[m]
		if range_.Lo <= r && r <= range_.Hi {
			return range_.Stride == 1 || (r-range_.Lo)%range_.Stride == 0
		}
		if r < range_.Lo {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return false
}

func is32(ranges []Range32, r uint32) bool {
	lo, hi := 0, len(ranges)
	for lo < hi {
		m := lo + (hi-lo)/2
		range_ := ranges[m]
		if range_.Lo <= r && r <= range_.Hi {
			return range_.Stride == 1 || (r-range_.Lo)%range_.Stride == 0
		}
		if r < range_.Lo {
			hi = m
		} else {
			lo = m + 1
		}
	}
	return false
}

// In reports whether the rune is a member of one of the ranges.
func In(r rune, ranges ...*RangeTable) bool {
	for _, inside := range ranges {
		if Is(inside, r) {
			return true
		}
	}
	return false
}

// IsOneOf reports whether the rune is a member of one of the ranges.
func IsOneOf(ranges []*RangeTable, r rune) bool {
	return In(r, ranges...)
}

func IsLetter(r rune) bool
func IsUpper(r rune) bool
func IsLower(r rune) bool
func IsTitle(r rune) bool
func IsDigit(r rune) bool
func IsNumber(r rune) bool
func IsMark(r rune) bool
func IsPunct(r rune) bool
func IsSymbol(r rune) bool
func IsSpace(r rune) bool
func IsControl(r rune) bool
func IsPrint(r rune) bool
func IsGraphic(r rune) bool

// To maps the rune to the specified case: UpperCase, LowerCase, or TitleCase.
func To(_case int, r rune) rune

func ToUpper(r rune) rune {
	if r <= MaxASCII {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return To(UpperCase, r)
}

func ToLower(r rune) rune {
	if r <= MaxASCII {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	return To(LowerCase, r)
}

func ToTitle(r rune) rune {
	if r <= MaxASCII {
		if 'a' <= r && r <= 'z' {
			r -= 'a' - 'A'
		}
		return r
	}
	return To(TitleCase, r)
}

// SimpleFold iterates over Unicode code points equivalent under the Unicode-defined
// simple case folding.
func SimpleFold(r rune) rune
