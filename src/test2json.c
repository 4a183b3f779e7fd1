// gol test -json (test2json.h): Go's cmd/internal/test2json converter over a test binary's
// -v output, whose framing lines (=== RUN, --- PASS, PASS...) carry a leading \x16 marker
// (testing's -test.json): one JSON event per line as go test -json prints them.
#include "test2json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../runtime/buf.h"

static void put_time(Buf *b) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    localtime_r(&ts.tv_sec, &tm);
    char date[64], frac[16];
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(frac, sizeof frac, ".%09ld", ts.tv_nsec);
    size_t n = strlen(frac);
    while (n > 1 && frac[n - 1] == '0') // RFC3339Nano drops trailing zeros
        frac[--n] = 0;
    if (n == 1)
        frac[0] = 0;
    int off = (int)(tm.tm_gmtoff % 86400);
    char zone[32];
    if (off == 0)
        snprintf(zone, sizeof zone, "Z");
    else
        snprintf(zone, sizeof zone, "%c%02d:%02d", off < 0 ? '-' : '+', abs(off) / 3600,
                 abs(off) % 3600 / 60);
    buf_printf(b, "\"Time\":\"%s%s%s\"", date, frac, zone);
}

static void put_json_str(Buf *b, const char *s, size_t n) {
    buf_putc(b, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            buf_printf(b, "\\%c", c);
        else if (c == '\n')
            buf_puts(b, "\\n");
        else if (c == '\r')
            buf_puts(b, "\\r");
        else if (c == '\t')
            buf_puts(b, "\\t");
        else if (c < 0x20 || c == '<' || c == '>' || c == '&')
            buf_printf(b, "\\u%04x", c);
        else
            buf_putc(b, (char)c);
    }
    buf_putc(b, '"');
}

// A float as encoding/json writes it (shortest form for the few values seen here).
static void put_elapsed(Buf *b, double v) {
    char s[32];
    snprintf(s, sizeof s, "%.3f", v);
    size_t n = strlen(s);
    while (n > 1 && s[n - 1] == '0')
        s[--n] = 0;
    if (s[n - 1] == '.')
        s[--n] = 0;
    buf_printf(b, ",\"Elapsed\":%s", s);
}

// Write one event: action, test (may be ""), elapsed (< 0: none), output (NULL: none).
static void event(T2J *c, const char *action, const char *test, double elapsed,
                  const char *out, size_t n) {
    Buf b = {0};
    buf_putc(&b, '{');
    put_time(&b);
    buf_printf(&b, ",\"Action\":\"%s\",\"Package\":", action);
    put_json_str(&b, c->pkg, strlen(c->pkg));
    if (test && *test) {
        buf_puts(&b, ",\"Test\":");
        put_json_str(&b, test, strlen(test));
    }
    if (elapsed >= 0)
        put_elapsed(&b, elapsed);
    if (out) {
        buf_puts(&b, ",\"Output\":");
        put_json_str(&b, out, n);
    }
    buf_puts(&b, "}\n");
    fputs(buf_cstr(&b), stdout);
}

void t2j_start(T2J *c, const char *pkg) {
    memset(c, 0, sizeof *c);
    c->pkg = pkg;
    event(c, "start", NULL, -1, NULL, 0);
}

static void flush_report(T2J *c, int depth) {
    c->test[0] = 0;
    while (c->nreport > depth) {
        c->nreport--;
        event(c, c->report[c->nreport].action, c->report[c->nreport].test,
              c->report[c->nreport].elapsed, NULL, 0);
    }
}

static void output(T2J *c, const char *line, size_t n) {
    event(c, "output", c->test, -1, line, n);
}

static bool prefix(const char *s, size_t n, const char *p) {
    size_t m = strlen(p);
    return n >= m && memcmp(s, p, m) == 0;
}

static void copy_name(char *dst, const char *s, size_t n) {
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        n--;
    while (n && *s == ' ')
        s++, n--;
    if (n >= T2J_NAME)
        n = T2J_NAME - 1;
    memcpy(dst, s, n);
    dst[n] = 0;
}

static const char *updates[] = {"=== RUN   ", "=== PAUSE ", "=== CONT  ", "=== NAME  ",
                                "=== PASS  ", "=== FAIL  ", "=== SKIP  ", NULL};
static const char *reports[] = {"--- PASS: ", "--- FAIL: ", "--- SKIP: ", "--- BENCH: ", NULL};

static void report_line(T2J *c, const char *line, size_t n, const char *orig, size_t on,
                        int indent) {
    const char *colon = memchr(line, ':', n);
    char action[16], name[T2J_NAME];
    copy_name(action, line + 4, (size_t)(colon - line - 4));
    for (char *a = action; *a; a++)
        *a = (char)(*a >= 'A' && *a <= 'Z' ? *a + 32 : *a);
    copy_name(name, colon + 1, n - (size_t)(colon + 1 - line));
    double elapsed = -1;
    char *paren = strstr(name, " (");
    if (paren) {
        elapsed = atof(paren + 2);
        *paren = 0;
    }
    if (c->nreport < indent || c->nreport >= T2J_DEPTH) {
        output(c, orig, on);
        return;
    }
    flush_report(c, indent);
    T2JReport *r = &c->report[c->nreport++];
    snprintf(r->action, sizeof r->action, "%s", action);
    snprintf(r->test, sizeof r->test, "%s", name);
    r->elapsed = elapsed;
    snprintf(c->test, sizeof c->test, "%s", name);
    output(c, orig, on);
}

void t2j_line(T2J *c, const char *line, size_t n) {
    bool marker = n > 0 && line[0] == '\x16';
    if (marker)
        line++, n--;
    if (n == 0)
        return;
    size_t tn = n;
    while (tn && (line[tn - 1] == '\n' || line[tn - 1] == '\r'))
        tn--;
    if (marker && ((tn == 4 && (!memcmp(line, "PASS", 4) || !memcmp(line, "FAIL", 4))))) {
        flush_report(c, 0);
        output(c, line, n);
        snprintf(c->result, sizeof c->result, "%s", line[0] == 'P' ? "pass" : "fail");
        return;
    }
    const char *orig = line;
    size_t on = n;
    bool update = false;
    for (int i = 0; updates[i]; i++)
        update |= prefix(line, n, updates[i]);
    if (marker && update) {
        char action[16], name[T2J_NAME];
        copy_name(action, line + 4, 6);
        for (char *a = action; *a; a++)
            *a = (char)(*a >= 'A' && *a <= 'Z' ? *a + 32 : *a);
        copy_name(name, line + 10, n - 10);
        flush_report(c, 0);
        snprintf(c->test, sizeof c->test, "%s", name);
        if (strcmp(action, "name") == 0)
            return;
        if (strcmp(action, "pause") == 0)
            output(c, orig, on);
        event(c, action, name, -1, NULL, 0);
        if (strcmp(action, "pause") != 0)
            output(c, orig, on);
        return;
    }
    int indent = 0;
    while (prefix(line, n, "    "))
        line += 4, n -= 4, indent++;
    bool rep = false;
    for (int i = 0; reports[i]; i++)
        rep |= prefix(line, n, reports[i]);
    if (marker && rep) {
        report_line(c, line, n, orig, on, indent);
        return;
    }
    if (indent > 0 && indent <= c->nreport)
        snprintf(c->test, sizeof c->test, "%s", c->report[indent - 1].test);
    output(c, orig, on);
}

void t2j_text(T2J *c, const char *text, size_t n) {
    buf_put(&c->pending, text, n);
    const char *s = buf_cstr(&c->pending);
    size_t len = c->pending.len, start = 0;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '\n') {
            t2j_line(c, s + start, i + 1 - start);
            start = i + 1;
        }
    Buf rest = {0};
    buf_put(&rest, s + start, len - start);
    c->pending = rest;
}

void t2j_finish(T2J *c, const char *summary, const char *action, double elapsed) {
    if (c->pending.len)
        t2j_line(c, buf_cstr(&c->pending), c->pending.len);
    c->pending = (Buf){0};
    if (summary) {
        flush_report(c, 0);
        output(c, summary, strlen(summary));
    }
    event(c, action ? action : c->result[0] ? c->result : "pass", NULL, elapsed, NULL, 0);
    fflush(stdout);
}
