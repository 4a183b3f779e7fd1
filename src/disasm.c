// The disassembler: one line per instruction (pc, source line, opcode, operands as the
// opcode table's format says), then the functions referenced from the constant pool.
#include "disasm.h"

#include <inttypes.h>

#include "compile.h"

typedef struct Seen {
    VEC(Proto *) protos;
} Seen;

static bool seen_add(Seen *s, Proto *p) {
    for (int i = 0; i < s->protos.n; i++)
        if (s->protos.v[i] == p)
            return false;
    vec_push(&s->protos, p);
    return true;
}

static void print_instr(FILE *out, Proto *p, int pc) {
    Instr *in = &p->code[pc];
    int line = 0, col = 0;
    if (p->pcpos)
        pos_line_col(p->pcpos[pc], &line, &col);
    fprintf(out, "  %4d  %4d  %-12s", pc, line, op_names[in->op]);
    switch (op_formats[in->op]) {
    case FMT_ABC: fprintf(out, " %d %d %d", in->a, in->b, in->c); break;
    case FMT_ABx: fprintf(out, " %d K%u", in->a, in->bx); break;
    case FMT_AsBx:
        if (in->op == OP_JMP || in->op == OP_JT || in->op == OP_JF)
            fprintf(out, " %d -> %d", in->a, pc + 1 + in->sbx);
        else
            fprintf(out, " %d %d", in->a, in->sbx);
        break;
    case FMT_ABsC: fprintf(out, " %d %d -> %d", in->a, in->b, pc + 1 + (int16_t)in->c); break;
    }
    fputc('\n', out);
}

static void disasm_one(FILE *out, Proto *p, Seen *seen) {
    if (!seen_add(seen, p) || p->native)
        return;
    fprintf(out, "func %s: %d params, %d results, %d registers, %d captures\n", p->name,
            p->nparams, p->nresults, p->nregs, p->ncaps);
    for (int pc = 0; pc < p->ncode; pc++)
        print_instr(out, p, pc);
    fputc('\n', out);
    for (int pc = 0; pc < p->ncode; pc++) {
        Instr *in = &p->code[pc];
        if (in->op == OP_CALLK || in->op == OP_CLOSURE)
            disasm_one(out, p->consts[in->bx].p, seen);
    }
}

void disasm_proto(FILE *out, Proto *p) {
    Seen seen = {0};
    disasm_one(out, p, &seen);
}
