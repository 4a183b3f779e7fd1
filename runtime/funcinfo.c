// Positions in compiled functions through the run time's view of a Proto (funcinfo.h): the
// pc of a saved instruction pointer and its source position. Pure functions, no locks.
#include "funcinfo.h"

int funcinfo_pc(const FuncInfo *fi, const Instr *at) {
    if (!at || !fi->code)
        return -1;
    return (int)(((const char *)at - (const char *)fi->code) / FUNCINFO_INSTR_BYTES);
}

Pos funcinfo_pos(const FuncInfo *fi, int pc) {
    if (pc >= 0 && pc < fi->ncode && fi->pcpos)
        return fi->pcpos[pc];
    return fi->pos;
}
