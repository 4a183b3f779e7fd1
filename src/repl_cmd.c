// The REPL's `:` commands: help, quit, reset, load, goroutines, disasm, time and env. A
// command may be abbreviated to any unique prefix (`:q`). Output goes through runtime/out.c
// like the goroutines' own, so the two never interleave mid-line.
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../runtime/buf.h"
#include "../runtime/out.h"
#include "../runtime/sched.h"
#include "constant.h"
#include "disasm.h"
#include "repl_int.h"
#include "types.h"

typedef struct Command {
    const char *name;
    const char *arg;
    const char *help;
    void (*run)(Repl *r, const char *arg);
} Command;

static void print_buf(Buf *b) {
    out_write(1, b->data ? b->data : "", b->len);
}

static void say(const char *s) {
    out_write(1, s, strlen(s));
}

// ---- :help, :quit, :reset, :load, :time ----

static void cmd_help(Repl *r, const char *arg);

static void cmd_quit(Repl *r, const char *arg) {
    r->quit = true;
}

// :kill N | :kill all — end goroutines as runtime.Goexit would (sched_cancel).
static void kill_report(int64_t id, int found, int pending) {
    Buf b = {0};
    if (found == 0)
        buf_printf(&b, id ? "no goroutine %" PRId64 "\n" : "no goroutines\n", id);
    else if (pending && id)
        buf_printf(&b, "goroutine %" PRId64 " will end when it is woken (it waits on a lock "
                   "or a WaitGroup)\n", id);
    else if (pending)
        buf_printf(&b, "%d of %d goroutines will end when woken (they wait on a lock or a "
                   "WaitGroup)\n", pending, found);
    print_buf(&b);
}

static void cmd_kill(Repl *r, const char *arg) {
    char *end;
    long long id = strtoll(arg, &end, 10);
    bool all = strcmp(arg, "all") == 0;
    if (!all && (!*arg || *end || id <= 0)) {
        say("usage: :kill N (a goroutine id, see :goroutines) or :kill all\n");
        return;
    }
    int pending = 0;
    int found = sched_repl_kill(all ? 0 : id, &pending);
    kill_report(all ? 0 : id, found, pending);
}

static void cmd_reset(Repl *r, const char *arg) {
    int pending = 0;
    int found = sched_repl_kill(0, &pending);
    if (found && pending)
        kill_report(0, found, pending);
    check_repl_reset(r->check);
}

static void cmd_load(Repl *r, const char *arg) {
    if (!*arg) {
        say("usage: :load FILE.gol\n");
        return;
    }
    repl_load(r, arg);
}

static void cmd_time(Repl *r, const char *arg) {
    if (!*arg) {
        say("usage: :time STATEMENT\n");
        return;
    }
    Buf b = {0};
    buf_printf(&b, "%s\n", arg);
    if (repl_eval(r, b.data, b.len, false) != EVAL_OK)
        return;
    char d[64];
    repl_format_duration(d, sizeof d, r->last_run_ns);
    b.len = 0;
    buf_printf(&b, "took %s\n", d);
    print_buf(&b);
}

// ---- :goroutines ----

// The innermost Go frame of a goroutine that is not running. Another thread may wake it
// meanwhile, so every index read from it is checked before use.
static void where(Buf *b, G *g) {
    int n = g->nframes, cap = g->frames_cap;
    Frame *fr = g->frames;
    if (!fr || n <= 0 || n > cap)
        return;
    for (int i = n - 1; i >= 0; i--) {
        const Proto *p = fr[i].proto;
        if (!p || !p->code || p->hidden)
            continue;
        int pc = fr[i].ip ? (int)(fr[i].ip - p->code) - 1 : 0;
        Pos pos = pc >= 0 && pc < p->ncode && p->pcpos ? p->pcpos[pc] : p->pos;
        char at[512];
        buf_printf(b, "%s(...)\n\t%s\n", p->name, pos_format(pos, at, sizeof at));
        return;
    }
}

static void describe_g(G *g, void *arg) {
    Buf *b = arg;
    int st = atomic_load(&g->status);
    const char *state = st == G_WAITING   ? g_wait_reason_str(g->wait_reason)
                        : st == G_RUNNING ? "running"
                                          : "runnable";
    buf_printf(b, "goroutine %" PRId64 " [%s]:\n", g->id, state);
    if (st == G_RUNNING)
        buf_puts(b, "\tgoroutine running on other thread; stack unavailable\n");
    else
        where(b, g);
}

static void cmd_goroutines(Repl *r, const char *arg) {
    Buf b = {0};
    sched_for_each_g(describe_g, &b);
    if (b.len == 0)
        buf_puts(&b, "no goroutines\n");
    print_buf(&b);
}

// ---- :disasm ----

static Proto *obj_proto(Object *o) {
    if (!o)
        return NULL;
    if (o->kind == OBJ_FUNC || (o->kind == OBJ_VAR && o->decl))
        return o->proto;
    return NULL;
}

// NAME, T.M or pkg.F; *[pkg] is set for pkg.F.
static Object *find_obj(Repl *r, const char *name, Package **pkg) {
    Scope *top = check_repl_scope(r->check);
    const char *dot = strchr(name, '.');
    *pkg = NULL;
    if (!dot)
        return scope_lookup(top, name, NULL);
    char left[256];
    snprintf(left, sizeof left, "%.*s", (int)(dot - name), name);
    Object *o = scope_lookup(top, left, NULL);
    if (o && o->kind == OBJ_TYPE && o->type) {
        for (int i = 0; i < o->type->methods.n; i++)
            if (strcmp(o->type->methods.v[i]->name, dot + 1) == 0)
                return o->type->methods.v[i];
        return NULL;
    }
    *pkg = check_repl_package(r->check, left);
    return *pkg ? scope_lookup_local((*pkg)->scope, dot + 1) : NULL;
}

// Why [o] (of package [pkg]) has no bytecode to show.
static void explain_no_code(Buf *b, const char *name, Object *o, Package *pkg) {
    if (!o || (o->kind != OBJ_FUNC && !(o->kind == OBJ_VAR && o->decl))) {
        buf_printf(b, "no function %s\n", name);
    } else if (o->native || (o->proto && ((Proto *)o->proto)->native)) {
        char file[256];
        snprintf(file, sizeof file, "%s", pkg ? pkg->path : "");
        for (char *c = file; *c; c++)
            if (*c == '/')
                *c = '_';
        const char *sig = type_string_local(o->type, o->pkg);
        buf_printf(b, "%s is a native: gol implements it in C (runtime/pkg/%s.c), so it has no "
                   "bytecode\n  func %s%s\n", name, file, o->name,
                   strncmp(sig, "func", 4) == 0 ? sig + 4 : sig);
    } else {
        buf_printf(b, "%s is not compiled yet: gol compiles a package when an input first "
                   "uses it (call %s once, then :disasm it)\n", name, name);
    }
}

static void cmd_disasm(Repl *r, const char *arg) {
    Package *pkg;
    Object *o = *arg ? find_obj(r, arg, &pkg) : NULL;
    Proto *p = obj_proto(o);
    if (!p || p->native || !p->code) {
        Buf b = {0};
        if (*arg)
            explain_no_code(&b, arg, o, pkg);
        else
            buf_puts(&b, "usage: :disasm NAME\n");
        print_buf(&b);
        return;
    }
    out_flush();
    disasm_proto(stdout, p);
    fflush(stdout);
}

// ---- :env ----

// [t] as the REPL's own code would spell it (its types unqualified).
static const char *tstr(Object *o, Type *t) {
    return t ? type_string_local(t, o->pkg) : "?";
}

static void describe_obj(Buf *b, Object *o) {
    switch (o->kind) {
    case OBJ_PKG:
        if (o->imported && strcmp(o->name, o->imported->name) != 0)
            buf_printf(b, "import %s \"%s\"\n", o->name, o->imported->path);
        else if (o->imported)
            buf_printf(b, "import \"%s\"\n", o->imported->path);
        break;
    case OBJ_CONST:
        buf_printf(b, "const %s %s = %s\n", o->name, tstr(o, o->type),
                   o->cval ? cv_string_repr(o->cval) : "?");
        break;
    case OBJ_TYPE:
        buf_printf(b, "type %s %s\n", o->name, o->type ? tstr(o, o->type->under) : "?");
        for (int i = 0; o->type && o->type->obj == o && i < o->type->methods.n; i++) {
            Object *m = o->type->methods.v[i];
            const char *sig = tstr(o, m->type);
            buf_printf(b, "func (%s%s) %s%s\n", m->ptr_recv ? "*" : "", o->name, m->name,
                       strncmp(sig, "func", 4) == 0 ? sig + 4 : sig);
        }
        break;
    case OBJ_VAR:
        if (o->decl) {
            const char *sig = tstr(o, o->type);
            buf_printf(b, "func %s%s\n", o->name, strncmp(sig, "func", 4) == 0 ? sig + 4 : sig);
        } else {
            buf_printf(b, "var %s %s\n", o->name, tstr(o, o->type));
        }
        break;
    default: break;
    }
}

// The declarations in scope (the latest of each name), oldest first.
static void cmd_env(Repl *r, const char *arg) {
    VEC(Object *) seen = {0};
    for (Scope *s = check_repl_scope(r->check); s && s != universe; s = s->parent) {
        for (int i = s->objs.n - 1; i >= 0; i--) {
            Object *o = s->objs.v[i];
            bool shadowed = false;
            for (int k = 0; k < seen.n && !shadowed; k++)
                shadowed = strcmp(seen.v[k]->name, o->name) == 0;
            if (!shadowed)
                vec_push(&seen, o);
        }
    }
    Buf b = {0};
    for (int i = seen.n - 1; i >= 0; i--)
        describe_obj(&b, seen.v[i]);
    print_buf(&b);
}

// ---- dispatch ----

static const Command commands[] = {
    {"help", "", "this text", cmd_help},
    {"quit", "", "leave the REPL (also Ctrl-D)", cmd_quit},
    {"reset", "", "end every goroutine and forget every declaration", cmd_reset},
    {"load", " FILE.gol", "load a file's declarations, then run its main if it has one", cmd_load},
    {"goroutines", "", "list the goroutines: id, state and where each one is", cmd_goroutines},
    {"kill", " N|all", "end goroutine N (or all), running its deferred calls", cmd_kill},
    {"disasm", " NAME", "show the bytecode of a function (f, T.M, pkg.F)", cmd_disasm},
    {"time", " STMT", "run a statement and tell how long it took", cmd_time},
    {"env", "", "list the declarations in scope", cmd_env},
};
enum { NCOMMANDS = sizeof commands / sizeof commands[0] };

const char *const repl_command_names[] = {":help", ":quit", ":reset", ":load", ":goroutines",
                                          ":kill", ":disasm", ":time", ":env", NULL};

static void cmd_help(Repl *r, const char *arg) {
    Buf b = {0};
    buf_puts(&b, "Type Go statements, expressions and declarations; an expression's value is "
                 "printed.\nPackages of gol's library are imported when first used "
                 "(fmt.Println).\nCommands (any unique prefix works):\n");
    for (int i = 0; i < NCOMMANDS; i++) {
        char left[32];
        snprintf(left, sizeof left, ":%s%s", commands[i].name, commands[i].arg);
        buf_printf(&b, "  %-16s %s\n", left, commands[i].help);
    }
    buf_puts(&b, "Keys: Tab completes; Ctrl-C interrupts a running statement or drops the "
                 "input being typed;\nCtrl-D on an empty line quits.\n");
    print_buf(&b);
}

bool repl_is_command(const char *line) {
    line += strspn(line, " \t");
    return line[0] == ':' && line[1] >= 'a' && line[1] <= 'z';
}

void repl_command(Repl *r, const char *line) {
    line += strspn(line, " \t") + 1;
    size_t n = strcspn(line, " \t");
    const char *arg = line + n;
    arg += strspn(arg, " \t");
    char argbuf[4096];
    snprintf(argbuf, sizeof argbuf, "%s", arg);
    for (size_t k = strlen(argbuf); k > 0 && (argbuf[k - 1] == ' ' || argbuf[k - 1] == '\r'); k--)
        argbuf[k - 1] = 0;
    const Command *found = NULL;
    int matches = 0;
    for (int i = 0; i < NCOMMANDS; i++) {
        if (strncmp(commands[i].name, line, n) != 0)
            continue;
        if (strlen(commands[i].name) == n) { // an exact name wins over longer ones
            found = &commands[i];
            matches = 1;
            break;
        }
        found = &commands[i];
        matches++;
    }
    if (matches != 1) {
        Buf b = {0};
        buf_printf(&b, "%s command :%.*s (:help lists them)\n",
                   matches ? "ambiguous" : "unknown", (int)n, line);
        print_buf(&b);
        return;
    }
    found->run(r, argbuf);
}
