// The disassembler behind `gol disasm` and the REPL's :disasm: one line per instruction,
// operands as the opcode table's format says, constants inline as their kind (chunk.h's
// KKind, recorded by the compiler) says, jumps as `-> pc`, and the source line above the
// instructions compiled from it (as `go tool objdump -S`). By default only the program's
// own functions, in source order; -all adds the runtime entry and the library.
#include "disasm.h"

#include <inttypes.h>
#include <string.h>

#include "../runtime/buf.h"
#include "../runtime/cplx.h"
#include "../runtime/memevent.h"
#include "../runtime/numfmt.h"
#include "../runtime/quote.h"
#include "ast.h"
#include "compile_int.h"

typedef VEC(Proto *) ProtoVec;
typedef VEC(Package *) PackageVec;
typedef VEC(const char *) NameVec; // global variable index -> "pkg.name" (NULL: unknown)

// The names of the package-level variables of [p] and the packages it imports.
static void global_names(Package *p, PackageVec *done, NameVec *names) {
    for (int i = 0; i < done->n; i++)
        if (done->v[i] == p)
            return;
    vec_push(done, p);
    for (int i = 0; i < p->scope->objs.n; i++) {
        Object *o = p->scope->objs.v[i];
        if (o->kind != OBJ_VAR || o->slot < 0)
            continue;
        while (names->n <= o->slot)
            vec_push(names, NULL);
        char buf[256];
        snprintf(buf, sizeof buf, "%s.%s", p->name, o->name);
        names->v[o->slot] = gc_strdup(buf);
    }
    for (int i = 0; i < p->imports.n; i++)
        global_names(p->imports.v[i], done, names);
}

static bool seen_add(ProtoVec *s, Proto *p) {
    for (int i = 0; i < s->n; i++)
        if (s->v[i] == p)
            return false;
    vec_push(s, p);
    return true;
}

// The function a constant names (a Proto or a function value's), or NULL.
static Proto *const_proto(Proto *p, uint32_t k) {
    if (!p->kkinds || k >= (uint32_t)p->nconsts)
        return NULL;
    if (p->kkinds[k] == KK_PROTO)
        return p->consts[k].p;
    if (p->kkinds[k] == KK_FUNC && p->consts[k].p)
        return ((GoFunc *)p->consts[k].p)->proto;
    return NULL;
}

// Add [p] and, depth first, every function its constants name, to [all] (each once).
static void collect(ProtoVec *all, Proto *p) {
    if (!p || !seen_add(all, p) || p->native)
        return;
    for (int k = 0; k < p->nconsts; k++)
        collect(all, const_proto(p, (uint32_t)k));
}

// ---- operands ----

static void put_const(Buf *b, Proto *p, uint32_t k) {
    if (!p->kkinds || k >= (uint32_t)p->nconsts) {
        buf_printf(b, "K%" PRIu32, k);
        return;
    }
    Slot s = p->consts[k];
    switch ((KKind)p->kkinds[k]) {
    case KK_INT:
        buf_printf(b, "%" PRId64, s.i);
        return;
    case KK_FLOAT:
        numfmt_float(b, s.f, 'g', -1, 64);
        return;
    case KK_COMPLEX: {
        GoComplex *z = s.p;
        buf_putc(b, '(');
        numfmt_float(b, z ? z->re : 0, 'g', -1, 64);
        if (!z || z->im >= 0 || z->im != z->im)
            buf_putc(b, '+');
        numfmt_float(b, z ? z->im : 0, 'g', -1, 64);
        buf_puts(b, "i)");
        return;
    }
    case KK_STRING: {
        GoString *g = s.p;
        quote_string(b, g ? g->data : "", g ? (size_t)g->len : 0, '"', false, false);
        return;
    }
    case KK_TYPE:
        buf_puts(b, s.p ? type_string(s.p) : "nil");
        return;
    case KK_PROTO:
    case KK_FUNC: {
        Proto *q = const_proto(p, k);
        buf_puts(b, q && q->name ? q->name : "?");
        return;
    }
    case KK_CALLSITE:
        buf_printf(b, ".%s", ((CallSite *)s.p)->name);
        return;
    case KK_CSTR:
        quote_string(b, s.p, strlen(s.p), '"', false, false);
        return;
    case KK_RAW:
        break;
    }
    buf_printf(b, "K%" PRIu32, k);
}

static bool is_jump(int op) {
    return op == OP_JMP || op == OP_JT || op == OP_JF;
}

// An extra word (X) after an op whose X words hold constants (F_XK): `a, constant`.
static bool put_extra_const(Buf *b, Proto *p, int pc) {
    int owner = pc - 1;
    while (owner > 0 && p->code[owner].op == OP_EXTRA)
        owner--;
    if (owner < 0 || !(op_flags[p->code[owner].op] & F_XK))
        return false;
    buf_printf(b, "%d, ", p->code[pc].a);
    put_const(b, p, p->code[pc].bx);
    return true;
}

static void put_operands(Buf *b, Proto *p, int pc, const NameVec *globals) {
    Instr *in = &p->code[pc];
    if (in->op == OP_EXTRA && put_extra_const(b, p, pc))
        return;
    switch (op_formats[in->op]) {
    case FMT_ABC:
        buf_printf(b, "%d, %d, %d", in->a, in->b, in->c);
        break;
    case FMT_N:
        break;
    case FMT_R:
        buf_printf(b, "r%d", in->a);
        break;
    case FMT_RR:
        buf_printf(b, "r%d, r%d", in->a, in->b);
        break;
    case FMT_RRR:
        buf_printf(b, "r%d, r%d, r%d", in->a, in->b, in->c);
        break;
    case FMT_RI:
        buf_printf(b, "r%d, %d", in->a, in->b);
        break;
    case FMT_RRI:
        buf_printf(b, "r%d, r%d, %d", in->a, in->b, in->c);
        break;
    case FMT_RRS:
        buf_printf(b, "r%d, r%d, %d", in->a, in->b, (int16_t)in->c);
        break;
    case FMT_RII:
        buf_printf(b, "r%d, %d, %d", in->a, in->b, in->c);
        break;
    case FMT_RIR:
        buf_printf(b, "r%d, %d, r%d", in->a, in->b, in->c);
        break;
    case FMT_IR:
        buf_printf(b, "%d, r%d", in->a, in->b);
        break;
    case FMT_ABx:
        if (in->op == OP_MEMEV) { // a memevent site: its variable
            const MemSite *site = memevent_site(in->bx);
            buf_printf(b, "site %" PRIu32 " %s", in->bx, site->desc ? site->desc : "-");
        } else if (in->op == OP_ARENA) {
            buf_printf(b, "r%d, %" PRIu32 " slots", in->a, in->bx);
        } else if (globals && in->bx < (uint32_t)globals->n && globals->v[in->bx])
            buf_printf(b, "r%d, %s", in->a, globals->v[in->bx]);
        else
            buf_printf(b, "r%d, g%" PRIu32, in->a, in->bx);
        break;
    case FMT_AK:
        buf_printf(b, "r%d, ", in->a);
        put_const(b, p, in->bx);
        break;
    case FMT_ABK:
        buf_printf(b, "r%d, r%d, ", in->a, in->b);
        put_const(b, p, in->c);
        break;
    case FMT_AKC:
        buf_printf(b, "r%d, ", in->a);
        put_const(b, p, in->b);
        buf_printf(b, ", r%d", in->c);
        break;
    case FMT_AsBx:
        if (in->op == OP_JMP)
            buf_printf(b, "-> %d", pc + 1 + in->sbx);
        else if (is_jump(in->op))
            buf_printf(b, "r%d -> %d", in->a, pc + 1 + in->sbx);
        else
            buf_printf(b, "r%d, %" PRId32, in->a, in->sbx);
        break;
    case FMT_ABsC:
        buf_printf(b, "r%d, r%d -> %d", in->a, in->b, pc + 1 + (int16_t)in->c);
        break;
    case FMT_AKsC:
        buf_printf(b, "r%d, ", in->a);
        put_const(b, p, in->b);
        buf_printf(b, " -> %d", pc + 1 + (int16_t)in->c);
        break;
    }
}

// ---- source lines ----

static const char *base_name(const char *path) {
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

// "file:line  text" of the line holding [pos] (leading blanks dropped).
static void print_source_line(FILE *out, Pos pos, int line) {
    uint32_t len = 0;
    const char *text = pos_file_text(pos.file, &len);
    if (!text || pos.off > len)
        return;
    uint32_t start = pos.off, end = pos.off;
    while (start > 0 && text[start - 1] != '\n')
        start--;
    while (end < len && text[end] != '\n')
        end++;
    while (start < end && (text[start] == ' ' || text[start] == '\t'))
        start++;
    fprintf(out, "%s:%d  %.*s\n", base_name(pos_file_name(pos.file)), line, (int)(end - start),
            text + start);
}

// A set of file ids (the program's files), or NULL for all files.
typedef VEC(uint32_t) FileSet;

static bool in_files(const FileSet *fs, uint32_t file) {
    if (!fs)
        return true;
    for (int i = 0; i < fs->n; i++)
        if (fs->v[i] == file)
            return true;
    return false;
}

static void print_header(FILE *out, Proto *p) {
    int line = 0, col = 0;
    fprintf(out, "func %s", p->name ? p->name : "?");
    if (p->pos.file) {
        pos_line_col(p->pos, &line, &col);
        fprintf(out, " (%s:%d)", base_name(pos_file_name(p->pos.file)), line);
    }
    fprintf(out, ": %d params, %d results, %d registers, %d captures\n", p->nparams, p->nresults,
            p->nregs, p->ncaps);
}

// The instructions of [p] compiled from [files] (all when NULL), each source line first.
static void print_code(FILE *out, Proto *p, const FileSet *files, const NameVec *globals) {
    uint32_t last_file = 0;
    int last_line = -1, line = 0, col = 0;
    Buf b = {0};
    for (int pc = 0; pc < p->ncode; pc++) {
        Pos pos = p->pcpos ? p->pcpos[pc] : POS_NONE;
        if (!in_files(files, pos.file))
            continue;
        if (pos.file) {
            pos_line_col(pos, &line, &col);
            if (pos.file != last_file || line != last_line)
                print_source_line(out, pos, line);
            last_file = pos.file;
            last_line = line;
        }
        buf_truncate(&b, 0);
        put_operands(&b, p, pc, globals);
        if (b.len)
            fprintf(out, "  %5d  %-12s %s\n", pc, op_names[p->code[pc].op], buf_cstr(&b));
        else
            fprintf(out, "  %5d  %s\n", pc, op_names[p->code[pc].op]);
    }
    fputc('\n', out);
}

static void print_func(FILE *out, Proto *p, const NameVec *globals) {
    print_header(out, p);
    print_code(out, p, NULL, globals);
}

// ---- which functions, in which order ----

static bool shown_by_default(Proto *p) {
    return p->user && !p->hidden && !p->native && !p->rfbody && p->ncode > 0;
}

static bool before(Proto *a, Proto *b) {
    if (a->pos.file != b->pos.file)
        return a->pos.file < b->pos.file;
    return a->pos.off < b->pos.off;
}

// Sort by declaration position, stably: instances of one generic function share a position
// and keep the order the compiler reached them in (qsort's is unspecified).
static void sort_by_position(ProtoVec *v) {
    for (int i = 1; i < v->n; i++) {
        Proto *p = v->v[i];
        int j = i;
        for (; j > 0 && before(p, v->v[j - 1]); j--)
            v->v[j] = v->v[j - 1];
        v->v[j] = p;
    }
}

// The program's packages (main and the module's packages it imports), each once.
static void user_packages(Package *p, PackageVec *out) {
    if (!p || p->std)
        return;
    for (int i = 0; i < out->n; i++)
        if (out->v[i] == p)
            return;
    vec_push(out, p);
    for (int i = 0; i < p->imports.n; i++)
        user_packages(p->imports.v[i], out);
}

static void print_list(FILE *out, ProtoVec *all, bool every, const NameVec *globals) {
    ProtoVec show = {0};
    for (int i = 0; i < all->n; i++)
        if (every ? !all->v[i]->native && !all->v[i]->rfbody : shown_by_default(all->v[i]))
            vec_push(&show, all->v[i]);
    if (!every)
        sort_by_position(&show);
    for (int i = 0; i < show.n; i++)
        print_func(out, show.v[i], globals);
}

// The program's package-level variable initialisation: the entry's instructions compiled
// from the program's files (the library's initialisation left out).
static void print_program_init(FILE *out, Proto *entry, PackageVec *pkgs, const NameVec *globals) {
    FileSet files = {0};
    bool any = false;
    for (int i = 0; i < pkgs->n; i++) {
        any |= pkgs->v[i]->init_order.n > 0;
        for (int j = 0; j < pkgs->v[i]->files.n; j++)
            vec_push(&files, pkgs->v[i]->files.v[j]->file_id);
    }
    if (!any)
        return;
    fprintf(out, "package initialisation (the program's part of %s)\n", entry->name);
    print_code(out, entry, &files, globals);
}

void disasm_program(FILE *out, Proto *entry, Package *main, bool all) {
    ProtoVec seen = {0};
    collect(&seen, entry);
    // methods reached only through interfaces are in no constant: take every function
    // the program's packages declare
    PackageVec pkgs = {0};
    user_packages(main, &pkgs);
    for (int i = 0; i < pkgs.n; i++)
        for (int j = 0; j < pkgs.v[i]->funcs.n; j++)
            collect(&seen, pkgs.v[i]->funcs.v[j]->proto);
    PackageVec done = {0};
    NameVec globals = {0};
    global_names(main, &done, &globals);
    if (!all)
        print_program_init(out, entry, &pkgs, &globals);
    print_list(out, &seen, all, &globals);
}

void disasm_proto(FILE *out, Proto *p) {
    ProtoVec seen = {0};
    collect(&seen, p);
    ProtoVec show = {0};
    for (int i = 0; i < seen.n; i++)
        if (seen.v[i] == p || shown_by_default(seen.v[i]))
            vec_push(&show, seen.v[i]);
    for (int i = 0; i < show.n; i++)
        if (!show.v[i]->native)
            print_func(out, show.v[i], NULL);
}
