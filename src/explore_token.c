// Replay tokens (explore.h): "g1-HASH" or "g1-HASH-CHOICES". HASH is 12 hex digits of the
// program's FNV-1a hash; CHOICES lists the non-default choices of a schedule as pairs
// (default choices skipped before it, choice - 1), each number a base-16 varint whose last
// digit is one of 0-9a-f and whose leading digits are g-v. Tokens stay short, need no
// quoting in a shell, and a token for another program is refused instead of replayed.
#include "explore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/explore_policy.h"
#include "../runtime/gc.h"
#include "pos.h"

enum { HASH_DIGITS = 12 };

static uint64_t fnv(uint64_t h, const char *p, size_t n) {
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)p[i];
        h *= 0x100000001b3ull;
    }
    return h;
}

static uint64_t hash_files(uint64_t h, const FileVec *files) {
    for (int i = 0; i < files->n; i++) {
        uint32_t len = 0;
        const char *text = pos_file_text(files->v[i]->file_id, &len);
        h = fnv(h, text, len);
        h = fnv(h, "\0", 1);
    }
    return h;
}

uint64_t explore_program_hash(const Program *p) {
    uint64_t h = hash_files(0xcbf29ce484222325ull, &p->files);
    for (int i = 0; i < p->pkgs.n; i++)
        h = hash_files(h, &p->pkgs.v[i]->files);
    return h & ((1ull << (4 * HASH_DIGITS)) - 1);
}

static void put_num(char *buf, size_t *len, uint64_t v) {
    char d[24];
    int n = 0;
    do {
        d[n++] = (char)(v & 15);
        v >>= 4;
    } while (v);
    while (n > 1)
        buf[(*len)++] = "ghijklmnopqrstuv"[(int)d[--n]];
    buf[(*len)++] = "0123456789abcdef"[(int)d[0]];
}

char *explore_token(uint64_t hash, const uint16_t *c, int n) {
    size_t cap = 32 + (size_t)n * 12, len;
    char *buf = gc_alloc_atomic(cap);
    len = (size_t)snprintf(buf, cap, "g1-%0*llx", HASH_DIGITS, (unsigned long long)hash);
    uint64_t gap = 0;
    bool first = true;
    for (int i = 0; i < n; i++) {
        if (c[i] == 0) {
            gap++;
            continue;
        }
        if (first)
            buf[len++] = '-';
        first = false;
        put_num(buf, &len, gap);
        put_num(buf, &len, (uint64_t)c[i] - 1);
        gap = 0;
    }
    buf[len] = 0;
    return buf;
}

// One varint at *s; false if malformed.
static bool get_num(const char **s, uint64_t *v) {
    uint64_t x = 0;
    for (int k = 0; k < 12; k++) {
        char ch = **s;
        if (ch >= 'g' && ch <= 'v') {
            x = x << 4 | (uint64_t)(ch - 'g');
        } else if ((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')) {
            x = x << 4 | (uint64_t)(ch <= '9' ? ch - '0' : ch - 'a' + 10);
            (*s)++;
            *v = x;
            return true;
        } else {
            return false;
        }
        (*s)++;
    }
    return false;
}

// The choices of [s] (after "g1-HASH-"); false if malformed.
static bool decode_choices(const char *s, uint16_t **out, int *n) {
    int cap = 16, len = 0;
    uint16_t *c = gc_alloc_atomic((size_t)cap * sizeof(uint16_t));
    while (*s) {
        uint64_t gap, v;
        if (!get_num(&s, &gap) || !get_num(&s, &v) || v >= 65535 || gap > 10000000)
            return false;
        while ((uint64_t)len + gap + 1 > (uint64_t)cap) {
            cap *= 2;
            c = gc_realloc(c, (size_t)cap * sizeof(uint16_t));
        }
        memset(c + len, 0, (size_t)gap * sizeof(uint16_t));
        len += (int)gap;
        c[len++] = (uint16_t)(v + 1);
    }
    *out = c;
    *n = len;
    return true;
}

bool explore_replay(const char *token, uint64_t hash) {
    const char *t = token;
    uint16_t *c = NULL;
    int n = 0;
    bool ok = strncmp(t, "g1-", 3) == 0 && strlen(t) >= 3 + HASH_DIGITS;
    uint64_t th = 0;
    for (int i = 0; ok && i < HASH_DIGITS; i++) {
        char ch = t[3 + i];
        ok = (ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f');
        th = th << 4 | (uint64_t)(ch <= '9' ? ch - '0' : ch - 'a' + 10);
    }
    if (ok) {
        const char *rest = t + 3 + HASH_DIGITS;
        ok = !*rest || (rest[0] == '-' && rest[1] && decode_choices(rest + 1, &c, &n));
    }
    if (!ok) {
        fprintf(stderr, "gol: -schedule: malformed token \"%s\" (tokens come from gol explore)\n",
                token);
        return false;
    }
    if (th != hash) {
        fprintf(stderr,
                "gol: -schedule: token %s was made for another program (or another version "
                "of this one); run gol explore on this program for its tokens\n",
                token);
        return false;
    }
    ExploreRun run = {.prefix = c, .n = n, .bound = -1};
    det_set_policy(explore_policy(&run, NULL, EXPLORE_STEP_CAP));
    return true;
}
