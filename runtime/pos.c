// The file table behind Pos: each registered source text with its name and line-start
// offsets. Append-only: a file's entry never changes after pos_add_file returns, so readers
// need the lock only to find the entry, not to use it.
#include "pos.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include "common.h"

typedef struct SrcFile {
    const char *name;
    const char *text; // NUL-terminated copy
    uint32_t len;
    uint32_t *lines;  // byte offset of the start of each line; lines[0] == 0
    uint32_t nlines;
    int first_line;   // the number of its first line (1, or a REPL input's line in a script)
} SrcFile;

static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
static SrcFile **table; // guarded by: table_lock; table[i] is file id i+1
static uint32_t ntable, captable; // guarded by: table_lock

static SrcFile *build_file(const char *name, const char *text, uint32_t len) {
    SrcFile *f = gc_alloc(sizeof *f);
    f->name = gc_strdup(name);
    f->text = gc_strndup(text, len);
    f->len = len;
    uint32_t n = 1;
    for (uint32_t i = 0; i < len; i++)
        n += text[i] == '\n';
    f->lines = gc_alloc_atomic(n * sizeof(uint32_t));
    f->nlines = 0;
    f->lines[f->nlines++] = 0;
    for (uint32_t i = 0; i < len; i++)
        if (text[i] == '\n')
            f->lines[f->nlines++] = i + 1;
    return f;
}

uint32_t pos_add_file(const char *name, const char *text, uint32_t len) {
    return pos_add_file_at(name, text, len, 1);
}

uint32_t pos_add_file_at(const char *name, const char *text, uint32_t len, int first_line) {
    SrcFile *f = build_file(name, text, len);
    f->first_line = first_line;
    pthread_mutex_lock(&table_lock);
    if (ntable == captable) {
        captable = captable ? captable * 2 : 16;
        table = gc_realloc(table, captable * sizeof(*table));
    }
    table[ntable++] = f;
    uint32_t id = ntable;
    pthread_mutex_unlock(&table_lock);
    return id;
}

void pos_forget_file(uint32_t file) {
    pthread_mutex_lock(&table_lock);
    if (file >= 1 && file <= ntable)
        table[file - 1] = NULL;
    if (file >= 1 && file == ntable)
        ntable--;
    pthread_mutex_unlock(&table_lock);
}

static SrcFile *lookup(uint32_t file) {
    SrcFile *f = NULL;
    pthread_mutex_lock(&table_lock);
    if (file >= 1 && file <= ntable)
        f = table[file - 1];
    pthread_mutex_unlock(&table_lock);
    return f;
}

const char *pos_file_name(uint32_t file) {
    SrcFile *f = lookup(file);
    return f ? f->name : "<unknown>";
}

const char *pos_file_text(uint32_t file, uint32_t *len) {
    SrcFile *f = lookup(file);
    if (len)
        *len = f ? f->len : 0;
    return f ? f->text : "";
}

void pos_line_col(Pos p, int *line, int *col) {
    SrcFile *f = lookup(p.file);
    if (!f) {
        *line = *col = 0;
        return;
    }
    uint32_t off = p.off > f->len ? f->len : p.off;
    uint32_t lo = 0, hi = f->nlines; // find the last line start <= off
    while (hi - lo > 1) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (f->lines[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    *line = (int)lo + f->first_line;
    *col = (int)(off - f->lines[lo]) + 1;
}

char *pos_format(Pos p, char *buf, int size) {
    int line, col;
    pos_line_col(p, &line, &col);
    snprintf(buf, (size_t)size, "%s:%d:%d", pos_file_name(p.file), line, col);
    return buf;
}
