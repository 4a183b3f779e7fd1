// RE2 behind a C interface for package regexp (golre2.h): the options that give Go's
// syntax and match semantics, and submatch offsets as Go's []int. Built as libgolre2.so.
#include "golre2.h"

#include <re2/re2.h>

#include <cstdlib>
#include <cstring>
#include <vector>

struct GolRe2 {
    re2::RE2 *re;
};

static char *dup_arg(const std::string &s) {
    char *p = static_cast<char *>(std::malloc(s.size() + 1));
    if (p) {
        std::memcpy(p, s.data(), s.size());
        p[s.size()] = 0;
    }
    return p;
}

extern "C" GolRe2 *golre2_compile(const char *pat, size_t n, int posix, int longest, int *code,
                                  char **arg) {
    re2::RE2::Options o;
    o.set_log_errors(false);
    o.set_encoding(re2::RE2::Options::EncodingUTF8);
    o.set_max_mem(int64_t(256) << 20);
    if (posix) {
        // Go's POSIX flags are 0: no Perl classes, \b, or OneLine (^ and $ match at lines).
        o.set_posix_syntax(true);
        o.set_one_line(false);
    }
    o.set_longest_match(longest != 0);
    re2::RE2 *re = new re2::RE2(re2::StringPiece(pat, n), o);
    if (!re->ok()) {
        *code = int(re->error_code());
        *arg = dup_arg(re->error_arg());
        delete re;
        return nullptr;
    }
    GolRe2 *r = new GolRe2;
    r->re = re;
    return r;
}

extern "C" int golre2_groups(const GolRe2 *re) {
    return re->re->NumberOfCapturingGroups();
}

extern "C" int golre2_match(const GolRe2 *re, const char *text, size_t n, size_t pos,
                            int64_t *caps, int ncap) {
    re2::StringPiece in(text ? text : "", n);
    std::vector<re2::StringPiece> sub(ncap > 0 ? size_t(ncap) : 0);
    if (!re->re->Match(in, pos, n, re2::RE2::UNANCHORED, ncap > 0 ? sub.data() : nullptr, ncap))
        return 0;
    for (int i = 0; i < ncap; i++) {
        if (sub[i].data() == nullptr) {
            caps[2 * i] = caps[2 * i + 1] = -1;
        } else {
            caps[2 * i] = sub[i].data() - in.data();
            caps[2 * i + 1] = caps[2 * i] + int64_t(sub[i].size());
        }
    }
    return 1;
}
