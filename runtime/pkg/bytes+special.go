// ToUpperSpecial, ToLowerSpecial and ToTitleSpecial: Map with a unicode.SpecialCase's
// mappings (unicode.TurkishCase...).
package bytes

import "unicode"

// ToUpperSpecial treats s as UTF-8-encoded bytes and returns a copy with all the Unicode
// letters mapped to their upper case, giving priority to the special casing rules.
func ToUpperSpecial(c unicode.SpecialCase, s []byte) []byte { return Map(c.ToUpper, s) }

// ToLowerSpecial treats s as UTF-8-encoded bytes and returns a copy with all the Unicode
// letters mapped to their lower case, giving priority to the special casing rules.
func ToLowerSpecial(c unicode.SpecialCase, s []byte) []byte { return Map(c.ToLower, s) }

// ToTitleSpecial treats s as UTF-8-encoded bytes and returns a copy with all the Unicode
// letters mapped to their title case, giving priority to the special casing rules.
func ToTitleSpecial(c unicode.SpecialCase, s []byte) []byte { return Map(c.ToTitle, s) }
