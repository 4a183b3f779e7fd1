// The unit tests' view of the shared conformance corpus: which programs gol is meant to
// handle today, i.e. those listed in tests/conformance.pass (the ratchet). The corpus also
// holds programs for features not built yet; those are the conformance runner's business.
// Header-only (each unit test is one program); run from the repository root.
#ifndef GOL_TEST_CORPUS_H
#define GOL_TEST_CORPUS_H

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "common.h"

// Whether corpus file [name] ("000_hello.gol") is in tests/conformance.pass; true for every
// program when the list cannot be read.
static bool corpus_listed(const char *name) {
    static char *list;
    static bool loaded;
    enum { LIST_MAX = 1 << 16 };
    if (!loaded) {
        loaded = true;
        FILE *f = fopen("tests/conformance.pass", "r");
        if (f) {
            char line[256];
            size_t used = 1;
            list = gc_alloc_atomic(LIST_MAX);
            list[0] = '\n';
            while (fgets(line, sizeof line, f) && used + strlen(line) + 2 < LIST_MAX) {
                line[strcspn(line, "\r\n")] = 0;
                used += (size_t)sprintf(list + used, "%s\n", line);
            }
            fclose(f);
        }
    }
    if (!list)
        return true;
    size_t n = strlen(name);
    if (n > 4 && strcmp(name + n - 4, ".gol") == 0)
        n -= 4;
    char key[300];
    snprintf(key, sizeof key, "\n%.*s\n", (int)n, name);
    return strstr(list, key) != NULL;
}

#endif
