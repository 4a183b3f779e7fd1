// THE list of gol's bytecode instructions. Expanded by chunk/disasm (names, formats) and by
// vm.c (label table). Operand formats: ABC (three 16-bit fields), ABx (unsigned 32-bit bx),
// AK / ABK / AKC / AKsC (the same with Bx / C / B / B a constant index), and for ABC ops
// whose fields are registers (R) or immediates (I) or unused: N, R, RR, RRR, RI, RRI, RII,
// RRS (C signed), RIR, IR (the disassembler prints each operand as what it is),
// AsBx (signed 32-bit sbx), ABsC (c is a signed jump offset), X (extra operand word for the
// preceding instruction; flag F_XK: its X words' bx are constant indices; F_MEM: it reads or
// writes memory another goroutine may reach, and gets a MEMEV before it when
// memevent_enabled). R[x] = register x of the frame, K[x] = constant x. Jump offsets are
// relative to the instruction after the jump (after its extra words).
// Integers of every width are kept canonical in registers (sign- or zero-extended), so the
// compiler follows arithmetic on narrow types with SEXT/ZEXT.
// clang-format off
//  name          format  flags      semantics
OP(NOP,           N,      0)         // nothing
OP(EXTRA,         ABC,    0)         // extra operands of the previous instruction (never run)
OP(MOVE,          RR,     0)         // R[A] = R[B]
OP(LOADK,         AK,     0)         // R[A] = K[Bx]
OP(LOADI,         AsBx,   0)         // R[A].i = sBx
OP(LOADNIL,       RI,     0)         // R[A..A+B] = 0 (nil/zero for one-slot types)
// integer arithmetic (64-bit two's complement; narrow types re-canonicalised after)
OP(ADD_I,         RRR,    0)         // R[A].i = R[B].i + R[C].i
OP(SUB_I,         RRR,    0)
OP(MUL_I,         RRR,    0)
OP(DIV_I,         RRR,    F_PANICS)  // signed /, panics on zero divisor
OP(REM_I,         RRR,    F_PANICS)
OP(DIV_U,         RRR,    F_PANICS)  // unsigned
OP(REM_U,         RRR,    F_PANICS)
OP(AND_I,         RRR,    0)
OP(OR_I,          RRR,    0)
OP(XOR_I,         RRR,    0)
OP(ANDNOT_I,      RRR,    0)
OP(SHL_I,         RRR,    F_PANICS)  // R[B] << R[C] (C signed int: panics if negative)
OP(SHR_I,         RRR,    F_PANICS)  // arithmetic >>
OP(SHR_U,         RRR,    F_PANICS)  // logical >>
OP(SHL_IU,        RRR,    0)         // shift by an unsigned count (no panic)
OP(SHR_IU,        RRR,    0)
OP(SHR_UU,        RRR,    0)
OP(ADDI,          RRS,    0)         // R[A].i = R[B].i + (int16)C
OP(ADD_IK,        ABK,    0)         // R[A].i = R[B].i + K[C].i
OP(SUB_IK,        ABK,    0)
OP(MUL_IK,        ABK,    0)
OP(DIV_IK,        ABK,    0)         // constant divisor (never 0, never -1)
OP(REM_IK,        ABK,    0)
OP(AND_IK,        ABK,    0)
OP(NEG_I,         RR,     0)         // R[A].i = -R[B].i
OP(NOT_I,         RR,     0)         // R[A].i = ^R[B].i
OP(NOT_B,         RR,     0)         // R[A].i = !R[B].i
OP(SEXT8,         RR,     0)         // R[A].i = (int8)R[B].i
OP(SEXT16,        RR,     0)
OP(SEXT32,        RR,     0)
OP(ZEXT8,         RR,     0)         // R[A].u = (uint8)R[B].u
OP(ZEXT16,        RR,     0)
OP(ZEXT32,        RR,     0)
// floating point (float32 values are doubles rounded to float after each operation)
OP(ADD_F,         RRR,    0)
OP(SUB_F,         RRR,    0)
OP(MUL_F,         RRR,    0)
OP(DIV_F,         RRR,    0)
OP(NEG_F,         RR,     0)
OP(ROUND_F32,     RR,     0)         // R[A].f = (float)R[B].f
OP(I2F,           RR,     0)         // R[A].f = (double)R[B].i
OP(U2F,           RR,     0)         // R[A].f = (double)R[B].u
OP(F2I,           RR,     0)         // R[A].i = (int64)R[B].f (amd64's CVTTSD2SQ, never UB)
OP(F2I32,         RR,     0)         // R[A].i = (int32)R[B].f (CVTTSD2SL), for targets < 32 bits too
OP(F2U,           RR,     0)         // R[A].u = (uint64)R[B].f
// complex (runtime/cplx.h: R holds a GoComplex *, NULL = 0; results are fresh pairs)
OP(ADD_C,         RRR,    0)         // R[A] = R[B] + R[C]
OP(SUB_C,         RRR,    0)
OP(MUL_C,         RRR,    0)
OP(DIV_C,         RRR,    0)         // runtime.complex128div (no panic on zero)
OP(NEG_C,         RR,     0)
OP(ROUND_C64,     RR,     0)         // R[A] = complex64(R[B]): parts rounded to float32
OP(MKCPLX,        RRR,    0)         // R[A] = complex(R[B].f, R[C].f)
OP(REAL_C,        RR,     0)         // R[A].f = real(R[B])
OP(IMAG_C,        RR,     0)         // R[A].f = imag(R[B])
OP(EQ_C,          RRR,    0)         // R[A].i = R[B] == R[C]
OP(NE_C,          RRR,    0)
// comparisons producing bool
OP(EQ_I,          RRR,    0)         // R[A].i = R[B].i == R[C].i (also pointers, bools)
OP(NE_I,          RRR,    0)
OP(LT_I,          RRR,    0)
OP(LE_I,          RRR,    0)
OP(LT_U,          RRR,    0)
OP(LE_U,          RRR,    0)
OP(EQ_F,          RRR,    0)
OP(NE_F,          RRR,    0)
OP(LT_F,          RRR,    0)
OP(LE_F,          RRR,    0)
OP(EQ_S,          RRR,    0)         // strings
OP(NE_S,          RRR,    0)
OP(LT_S,          RRR,    0)
OP(LE_S,          RRR,    0)
OP(EQ_V,          RRR,    F_PANICS|F_XK) // R[A].i = val_eq(type X.bx, R[B], R[C]) (structs,
                                     // arrays, interfaces); X follows
OP(EQ_IV,         RRR,    F_PANICS)  // interface R[B] == concrete R[C] of type K[X.a]
// jumps (sC / sBx relative to the next instruction; backward jumps are preemption points)
OP(JMP,           AsBx,   0)         // ip += sBx
OP(JT,            AsBx,   0)         // if R[A].i: ip += sBx
OP(JF,            AsBx,   0)         // if !R[A].i: ip += sBx
OP(JEQ_I,         ABsC,   0)         // if R[A].i == R[B].i: ip += sC
OP(JNE_I,         ABsC,   0)
OP(JLT_I,         ABsC,   0)
OP(JLE_I,         ABsC,   0)
OP(JLT_U,         ABsC,   0)
OP(JLE_U,         ABsC,   0)
OP(JEQ_IK,        AKsC,   0)         // if R[A].i == K[B].i
OP(JNE_IK,        AKsC,   0)
OP(JLT_IK,        AKsC,   0)         // if R[A].i < K[B].i
OP(JLE_IK,        AKsC,   0)
OP(JGT_IK,        AKsC,   0)         // if R[A].i > K[B].i
OP(JGE_IK,        AKsC,   0)
OP(JLT_F,         ABsC,   0)
OP(JLE_F,         ABsC,   0)
OP(JEQ_F,         ABsC,   0)
OP(JNE_F,         ABsC,   0)
// memory: storage of structs/arrays, pointers, heap cells
OP(NEW,           AK,     0)         // R[A].p = new zeroed storage for type K[Bx]
OP(CLONE,         AK,     F_MEM)     // R[A].p = copy of storage R[A].p of type K[Bx]
OP(LOAD,          RRI,    F_PANICS|F_MEM) // R[A] = ((Slot*)R[B].p)[C]  (nil check)
OP(STORE,         RIR,    F_PANICS|F_MEM) // ((Slot*)R[A].p)[B] = R[C]   (nil check)
OP(ADDR,          RRI,    F_PANICS)  // R[A].p = (Slot*)R[B].p + C  (nil check)
OP(COPYN,         RRI,    F_PANICS|F_MEM) // copy C slots from R[B].p to R[A].p (nil checks)
OP(COPYN_X,       RR,     F_PANICS|F_MEM) // COPYN of X.bx slots (more than C holds); X follows
OP(ADDR_X,        RR,     0)         // R[A] = &R[B][X.bx] (nil check): an offset beyond C; X follows
OP(ARENA,         ABx,    0)         // R[A].p = arena mark, R[A+1].p = a block of Bx slots of the G's
                                     // frame arena (runtime/arena.h), given back when the frame pops
OP(AVAR,          RRI,    0)         // R[A].p = R[B].p + C (arena storage), X.bx slots cleared; X.a: the
                                     // variable may be written; X follows
OP(NILCHECK,      R,      F_PANICS)  // panic if R[A].p == NULL
OP(GETCAP,        RI,     0)         // R[A].p = fn->caps[B] (the cell)
OP(GETCAPV,       RI,     F_MEM)     // R[A] = *fn->caps[B]
OP(SETCAPV,       IR,     F_MEM)     // *fn->caps[A] = R[B]
OP(GLOBAL,        ABx,    0)         // R[A].p = address of global Bx's storage
OP(GETGLOBAL,     ABx,    F_MEM)     // R[A] = *global Bx
OP(SETGLOBAL,     ABx,    F_MEM)     // *global Bx = R[A]
OP(MEMEV,         ABx,    0)         // shared-memory event (runtime/memevent.h) of the next
                                     // instruction, from site Bx; may yield (-race, --seed)
// arrays (in storage); X.a = element slots, X.bx = length
OP(INDEX_A,       RRR,    F_PANICS|F_MEM) // R[A] = elem R[C] of array storage R[B]; X
OP(SETINDEX_A,    RRR,    F_PANICS|F_MEM) // elem R[B] of array storage R[A] = R[C]; X
OP(ADDR_A,        RRR,    F_PANICS)  // R[A].p = &elem R[C] of array storage R[B]; X: bx =
                                     // length; a second X: bx = elem slots
// slices; element slots in an X word's bx where one follows
OP(INDEX_SL,      RRR,    F_PANICS|F_MEM) // R[A] = R[B][R[C]] (one-slot elements)
OP(SETINDEX_SL,   RRR,    F_PANICS|F_MEM) // R[A][R[B]] = R[C] (one-slot elements)
OP(ADDR_SL,       RRR,    F_PANICS)  // R[A].p = &R[B][R[C]]; X.bx = elem slots
OP(LEN_SL,        RR,     0)
OP(CAP_SL,        RR,     0)
OP(SLICE_SL,      RR,     F_PANICS)  // R[A] = R[B][lo:hi:max]; X: a = lo reg, b = hi reg,
                                     // c = max reg (0xffff: absent); a second X: bx = elem slots
OP(SLICE_A,       RR,     F_PANICS)  // R[A] = array storage R[B][lo:hi:max]; X as above; a
                                     // second X: bx = array length; a third: bx = elem slots
OP(MAKESLICE,     AKC,    F_PANICS)  // R[A] = make(K[B] elem type, len R[C], cap R[C+1])
OP(APPEND,        RRI,    F_XK|F_MEM) // R[A] = append(R[B], R[B+1 .. B+C]); X.bx = elem type K
OP(APPENDSL,      RRR,    F_XK|F_MEM) // R[A] = append(R[B], R[C]...); X.bx = elem type K
OP(COPY,          RRR,    F_XK|F_MEM) // R[A] = copy(R[B], R[C]); X.bx = elem type K
OP(SLICELIT,      AK,     0)         // R[A] = new slice of K[Bx] (slice type) of length R[A].i
// strings
OP(LEN_S,         RR,     0)
OP(INDEX_S,       RRR,    F_PANICS)  // R[A].u = byte R[C] of string R[B]
OP(SLICE_S,       RR,     F_PANICS)  // R[A] = R[B][lo:hi]; X.a = lo reg, X.b = hi reg (0xffff)
OP(CONCAT,        RRR,    0)         // R[A] = R[B] + R[C]
OP(RANGE_S,       RRR,    0)         // string range step: index R[B] in R[C]: rune -> R[A],
                                     // width -> R[A+1]
OP(STR_RUNE,      RR,     0)         // R[A] = string(rune R[B])
OP(STR_BYTES,     RR,     F_MEM)     // R[A] = string([]byte R[B])
OP(STR_RUNES,     RR,     F_MEM)     // R[A] = string([]rune R[B])
OP(BYTES_STR,     RR,     0)         // R[A] = []byte(R[B])
OP(RUNES_STR,     RR,     0)         // R[A] = []rune(R[B])
// maps
OP(MAKEMAP,       AKC,    0)         // R[A] = make(K[B] map type, hint R[C])
OP(MAPGET,        RRR,    F_PANICS|F_XK|F_MEM) // R[A] = R[B][R[C]] (zero if absent); X.bx: elem type K
OP(MAPGET2,       RRR,    F_PANICS|F_XK|F_MEM) // R[A], R[A+1] = R[B][R[C]] (comma ok); X.bx as above
OP(MAPSET,        RRR,    F_PANICS|F_MEM) // R[A][R[B]] = R[C]
OP(MAPADDR,       RRR,    F_PANICS|F_MEM) // R[A].p = &R[B][R[C]] (inserting zero)
OP(MAPDEL,        RR,     F_PANICS|F_MEM) // delete(R[A], R[B])
OP(LEN_M,         RR,     F_MEM)
OP(CLEAR_M,       R,      F_MEM)
OP(CLEAR_SL,      R,      F_XK|F_MEM) // clear(R[A]); X.bx = elem type K
OP(MAPITER,       RR,     F_MEM)     // R[A] = new iterator over map R[B]
OP(MAPNEXT,       ABsC,   F_PANICS)  // if iterator R[A] has a next entry: key -> R[B],
                                     // value -> R[B+1]; else ip += sC
// interfaces
OP(BOX,           AK,     0)         // R[A] = iface box of R[A] with type K[Bx]
OP(ASSERT,        ABK,    F_PANICS|F_XK) // R[A] = R[B].(K[C] concrete type) or panic
OP(ASSERT2,       ABK,    0)         // R[A], R[A+1] = R[B].(K[C] concrete), ok
OP(ASSERTI,       ABK,    F_PANICS|F_XK) // R[A] = R[B].(K[C] interface type) or panic
OP(ASSERTI2,      ABK,    0)         // R[A], R[A+1] = R[B].(K[C] interface type), ok
OP(TYPEOF,        RR,     0)         // R[A].p = dynamic type of R[B] (NULL for nil)
OP(IMPLEMENTS,    ABK,    0)         // R[A].i = R[B] (non-nil iface) implements K[C]
// functions
OP(CLOSURE,       AK,     0)         // R[A] = closure of proto K[Bx]; one X per capture:
                                     // X.a = 0: cell in R[X.b]; 1: fn->caps[X.b]
OP(CALL,          RII,    F_PARKS)   // R[A..A+C) = R[A](R[A+1 .. A+B])
OP(CALLK,         AK,     F_PARKS)   // call static function K[Bx] with args at R[A+1..];
                                     // results to R[A..]
OP(CALLI,         RII,    F_PARKS|F_XK) // interface method call: R[A+1] is the interface value;
                                     // X.bx = K index of the method name; B args incl. recv,
                                     // C results
OP(RET,           RI,     0)         // return R[A .. A+B)
OP(RET0,          N,      0)         // return (no results)
OP(RETC,          RI,     0)         // RET, then zero the C registers above the results (the
                                     // frame's; slots above the top keep no pointers:
                                     // compile_frameclear.c)
OP(RET0C,         N,      0)         // RET0, then zero the frame's C registers
OP(RUNDEFERS,     N,      F_PARKS)   // run this frame's deferred calls (re-executed until
                                     // none are left)
OP(DEFER,         RI,     0)         // defer R[A](R[A+1 .. A+B])
OP(GO,            RI,     0)         // go R[A](R[A+1 .. A+B])
OP(PANIC,         R,      F_PANICS)  // panic(R[A]) (an interface value)
OP(RECOVER,       R,      0)         // R[A] = recover()
OP(GOEXIT,        N,      0)         // unused placeholder for runtime.Goexit (native)
// range over functions (compile_rangefunc.c, vm_rangefunc.c)
OP(RFCTL,         RI,     0)         // R[A].p = control block of B zeroed slots (#next, results)
OP(RFBODY,        AK,     0)         // R[A] = loop body closure of proto K[Bx]; X.a: slots of
                                     // R[0..] to snapshot, X.b: captures copied from this fn
OP(RFENTER,       RI,     F_PANICS)  // body prologue: check the loop state (panics as Go),
                                     // R[A..A+B) = arguments R[0..B), R[0..) = snapshot
OP(RFSTATE,       ABC,    0)         // this body's loop state = B (0 done, 1 ready)
OP(RFEXIT,        R,      F_PANICS)  // the iterator returned: loop of closure R[A] exhausted
                                     // (panics if it swallowed a body panic)
OP(DEFERAT,       RI,     0)         // DEFER in a loop body: runs when the function around
                                     // the loop returns
// channels
OP(MAKECHAN,      AKC,    F_PANICS)  // R[A] = make(chan K[B], R[C])
OP(SEND,          RR,     F_PARKS)   // R[A] <- R[B]
OP(RECV,          RR,     F_PARKS)   // R[A] = <-R[B]
OP(RECV2,         RR,     F_PARKS)   // R[A], R[A+1] = <-R[B]
OP(CLOSE,         R,      F_PANICS)
OP(LEN_C,         RR,     0)
OP(CAP_C,         RR,     0)
OP(SELECT,        RII,    F_PARKS)   // select over B cases described by B X words
                                     // (X.a = kind: 0 recv, 1 recv+ok, 2 send; X.b = chan
                                     // reg; X.c = value/dst reg); C: 1 if default;
                                     // chosen index -> R[A] (-1: default)
// builtins and misc
OP(PRINT,         RII,    F_XK)      // print R[A .. A+B) with types in the X words (X.bx),
                                     // C: 1 = println (spaces + newline)
OP(MINMAX,        RRI,    0)         // R[A] = min/max over R[B .. B+C); X.a: 0 min 1 max,
                                     // X.b: 0 int, 1 uint, 2 float, 3 string
OP(UIDX,          R,      0)         // unsigned index R[A] > MaxInt64: remember it for the
                                     // bounds panic and make R[A] fail every bounds check
OP(BOUNDS,        RR,     F_PANICS)  // panic index out of range unless 0 <= R[A].i < R[B].i
OP(CONV_FAIL,     ABC,    F_PANICS)  // reserved
OP(SL2ARR,        RRI,    F_PANICS|F_XK) // R[A] = slice R[B] as *[N]T (C=0) or a copy as [N]T
                                     // (C=1); X.bx = K index of the array type; panics if
                                     // len < N
OP(NILRECV,       AK,     F_PANICS)  // panic "value method M called using nil *T pointer"
                                     // (text K[Bx]) if R[A] is nil
OP(HALT,          N,      0)         // unreachable end of a function with results
OP(UNWIND,        N,      0)         // resume panic unwinding (a parked deferred native)
// clang-format on
