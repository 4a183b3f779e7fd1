// UTF-8 decoding and encoding, transcribed from Go's unicode/utf8 (the first-byte table plus
// the accepted range of the second byte), so every invalid input gives exactly Go's result.
#include "utf8.h"

#define LOCB 0x80 // lowest and highest continuation byte
#define HICB 0xBF

// Accepted second-byte ranges: 0 normal, 1 after E0 (no overlongs), 2 after ED (no
// surrogates), 3 after F0 (no overlongs), 4 after F4 (nothing above U+10FFFF).
static const uint8_t accept_lo[5] = {0x80, 0xA0, 0x80, 0x90, 0x80};
static const uint8_t accept_hi[5] = {0xBF, 0xBF, 0x9F, 0xBF, 0x8F};

// Length of the sequence led by [b] (0 if b cannot lead one) and its second-byte range.
static int lead(uint8_t b, int *range) {
    *range = 0;
    if (b < 0x80)
        return 1;
    if (b < 0xC2 || b > 0xF4)
        return 0;
    if (b < 0xE0)
        return 2;
    if (b < 0xF0) {
        *range = b == 0xE0 ? 1 : b == 0xED ? 2 : 0;
        return 3;
    }
    *range = b == 0xF0 ? 3 : b == 0xF4 ? 4 : 0;
    return 4;
}

static inline bool is_cont(uint8_t b) {
    return b >= LOCB && b <= HICB;
}

int utf8_decode(const uint8_t *s, int64_t n, int32_t *r) {
    if (n <= 0) {
        *r = UTF8_RUNE_ERROR;
        return 0;
    }
    uint8_t b0 = s[0];
    if (b0 < 0x80) {
        *r = b0;
        return 1;
    }
    int range, len = lead(b0, &range);
    *r = UTF8_RUNE_ERROR;
    if (len == 0 || n < len)
        return 1;
    if (s[1] < accept_lo[range] || s[1] > accept_hi[range])
        return 1;
    if (len == 2) {
        *r = (int32_t)(b0 & 0x1F) << 6 | (s[1] & 0x3F);
        return 2;
    }
    if (!is_cont(s[2]))
        return 1;
    if (len == 3) {
        *r = (int32_t)(b0 & 0x0F) << 12 | (int32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
        return 3;
    }
    if (!is_cont(s[3]))
        return 1;
    *r = (int32_t)(b0 & 0x07) << 18 | (int32_t)(s[1] & 0x3F) << 12 | (int32_t)(s[2] & 0x3F) << 6 |
         (s[3] & 0x3F);
    return 4;
}

int utf8_decode_last(const uint8_t *s, int64_t n, int32_t *r) {
    if (n <= 0) {
        *r = UTF8_RUNE_ERROR;
        return 0;
    }
    int64_t start = n - 1;
    if (s[start] < 0x80) {
        *r = s[start];
        return 1;
    }
    int64_t lim = n - UTF8_MAX;
    if (lim < 0)
        lim = 0;
    for (start--; start >= lim; start--)
        if (utf8_rune_start(s[start]))
            break;
    if (start < 0)
        start = 0;
    int w = utf8_decode(s + start, n - start, r);
    if (start + w != n) {
        *r = UTF8_RUNE_ERROR;
        return 1;
    }
    return w;
}

bool utf8_valid_rune(int64_t r) {
    return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= UTF8_MAX_RUNE);
}

int utf8_rune_len(int64_t r) {
    if (r < 0)
        return -1;
    if (r < 0x80)
        return 1;
    if (r < 0x800)
        return 2;
    if (r >= 0xD800 && r <= 0xDFFF)
        return -1;
    if (r < 0x10000)
        return 3;
    return r <= UTF8_MAX_RUNE ? 4 : -1;
}

int utf8_encoded_len(int64_t r) {
    int n = utf8_rune_len(r);
    return n < 0 ? 3 : n;
}

int utf8_encode(uint8_t *buf, int64_t r) {
    switch (utf8_rune_len(r)) {
    case 1:
        buf[0] = (uint8_t)r;
        return 1;
    case 2:
        buf[0] = (uint8_t)(0xC0 | (r >> 6));
        buf[1] = (uint8_t)(0x80 | (r & 0x3F));
        return 2;
    case -1:
        r = UTF8_RUNE_ERROR;
        // fallthrough
    case 3:
        buf[0] = (uint8_t)(0xE0 | (r >> 12));
        buf[1] = (uint8_t)(0x80 | ((r >> 6) & 0x3F));
        buf[2] = (uint8_t)(0x80 | (r & 0x3F));
        return 3;
    default:
        buf[0] = (uint8_t)(0xF0 | (r >> 18));
        buf[1] = (uint8_t)(0x80 | ((r >> 12) & 0x3F));
        buf[2] = (uint8_t)(0x80 | ((r >> 6) & 0x3F));
        buf[3] = (uint8_t)(0x80 | (r & 0x3F));
        return 4;
    }
}

int64_t utf8_count(const uint8_t *s, int64_t n) {
    int64_t count = 0;
    for (int64_t i = 0; i < n; count++) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t r;
        i += utf8_decode(s + i, n - i, &r);
    }
    return count;
}

bool utf8_valid(const uint8_t *s, int64_t n) {
    for (int64_t i = 0; i < n;) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        int32_t r;
        int w = utf8_decode(s + i, n - i, &r);
        if (w == 1) // a multi-byte lead decoding to width 1 is always an error
            return false;
        i += w;
    }
    return true;
}

bool utf8_full_rune(const uint8_t *s, int64_t n) {
    if (n <= 0)
        return false;
    int range, len = lead(s[0], &range);
    if (len == 0 || n >= len) // ASCII, invalid, or complete
        return true;
    if (n > 1 && (s[1] < accept_lo[range] || s[1] > accept_hi[range]))
        return true;
    if (n > 2 && !is_cont(s[2]))
        return true;
    return false;
}
