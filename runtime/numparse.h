// Go's number parsing (strconv.ParseInt / ParseUint / ParseFloat / ParseBool): the same
// accepted syntax (base prefixes and underscores with base 0, hex floats, "inf"/"nan"),
// the same values returned on error, and Go's error categories. Building the *NumError is
// left to the caller (runtime/pkg/strconv.go).
#ifndef GOL_NUMPARSE_H
#define GOL_NUMPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum NumErr {
    NUM_OK,
    NUM_SYNTAX,  // strconv.ErrSyntax: "invalid syntax"
    NUM_RANGE,   // strconv.ErrRange: "value out of range" (the value is still set as Go's)
    NUM_BASE,    // "invalid base N"
    NUM_BITSIZE, // "invalid bit size N"
} NumErr;

// ParseUint([s], base, bitsize) on the [n] bytes at s. On NUM_RANGE *out is the maximum
// value of the bit size; on other errors 0.
NumErr numparse_uint(const char *s, size_t n, int base, int bitsize, uint64_t *out);
// ParseInt: on NUM_RANGE *out is the minimum or maximum value of the bit size.
NumErr numparse_int(const char *s, size_t n, int base, int bitsize, int64_t *out);
// ParseFloat (bitsize 32 rounds directly to float32; anything else is 64, as Go). On
// NUM_RANGE *out is ±Inf.
NumErr numparse_float(const char *s, size_t n, int bitsize, double *out);
// ParseBool.
NumErr numparse_bool(const char *s, size_t n, bool *out);

#endif
