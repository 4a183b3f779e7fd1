// ToUpperSpecial, ToLowerSpecial and ToTitleSpecial: Map with a unicode.SpecialCase's
// mappings (unicode.TurkishCase...).
package strings

import "unicode"

// ToUpperSpecial returns a copy of s with all Unicode letters mapped to their upper case
// using the case mapping specified by c.
func ToUpperSpecial(c unicode.SpecialCase, s string) string { return Map(c.ToUpper, s) }

// ToLowerSpecial returns a copy of s with all Unicode letters mapped to their lower case
// using the case mapping specified by c.
func ToLowerSpecial(c unicode.SpecialCase, s string) string { return Map(c.ToLower, s) }

// ToTitleSpecial returns a copy of s with all Unicode letters mapped to their Unicode
// title case, giving priority to the special casing rules.
func ToTitleSpecial(c unicode.SpecialCase, s string) string { return Map(c.ToTitle, s) }
