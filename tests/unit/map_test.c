// Unit tests for runtime/map.c: int, string and generic keys (floats, interfaces, structs),
// nil maps, growth and deletion during iteration (Go's rules: deleted entries not yet reached
// are not produced, no entry is produced twice), clear, concurrent-use detection with
// pthreads (clean under ThreadSanitizer), and a micro-benchmark of insert and lookup.
#include <math.h>
#include <pthread.h>
#include <time.h>

#include "../../runtime/map.h"
#include "testtypes.h"

static Type *t_int, *t_str, *t_f64, *t_iface, *t_ints, *t_pt;

static void make_types(void) {
    t_int = tt_new(K_INT, "int");
    t_str = tt_new(K_STRING, "string");
    t_f64 = tt_new(K_FLOAT64, "float64");
    t_iface = tt_new(K_INTERFACE, "interface {}");
    t_ints = tt_slice(t_int, "[]int");
    Type *f[2] = {t_int, t_str};
    t_pt = tt_struct(2, f, NULL, "main.Pt");
}

static Slot I(int64_t i) {
    return (Slot){.i = i};
}

static Slot Str(const char *s) {
    return (Slot){.p = str_from_c(s)};
}

// m[k] as an int, or -1 when absent.
static int64_t get_int(GoMap *m, Slot k) {
    Slot *v;
    if (map_get(NULL, m, k, &v) != RT_OK)
        CHECK(!"map_get failed");
    return v ? v->i : -1;
}

static void test_int_keys(void) {
    GoMap *m = map_make(tt_map(t_int, t_int), 0);
    CHECK(map_len(m) == 0 && get_int(m, I(1)) == -1);
    enum { N = 100000 };
    int ok = 1;
    for (int64_t i = 0; i < N; i++)
        ok &= map_set(NULL, m, I(i * 7), I(i)) == RT_OK;
    CHECK(ok && map_len(m) == N);
    for (int64_t i = 0; i < N; i++)
        ok &= get_int(m, I(i * 7)) == i && get_int(m, I(i * 7 + 1)) == -1;
    CHECK(ok);
    for (int64_t i = 0; i < N; i += 2)
        ok &= map_delete(NULL, m, I(i * 7)) == RT_OK;
    CHECK(ok && map_len(m) == N / 2);
    ok = 1;
    for (int64_t i = 0; i < N; i++)
        ok &= get_int(m, I(i * 7)) == (i % 2 ? i : -1);
    CHECK(ok);
    Slot *v;
    CHECK(map_assign(NULL, m, I(-5), &v) == RT_OK && v->i == 0);
    v->i += 3;
    CHECK(map_assign(NULL, m, I(-5), &v) == RT_OK && v->i == 3);
    CHECK(get_int(m, I(-5)) == 3);
    bool found;
    Slot out;
    CHECK(map_get_value(NULL, m, I(-5), &out, &found) == RT_OK && found && out.i == 3);
    CHECK(map_get_value(NULL, m, I(-6), &out, &found) == RT_OK && !found && out.i == 0);
    // churn: delete and reinsert many times; tombstones must not make the table grow forever
    GoMap *c = map_make(tt_map(t_int, t_int), 0);
    for (int64_t i = 0; i < 200000; i++) {
        map_set(NULL, c, I(i), I(i));
        if (i >= 10)
            map_delete(NULL, c, I(i - 10));
    }
    CHECK(map_len(c) == 10 && get_int(c, I(199999)) == 199999 && get_int(c, I(5)) == -1);
}

// Random sets, deletes and assigns on keys [0, K) checked against a plain array, with the
// whole map compared (lookups, len, one iteration) every so often.
static void test_random_ops(void) {
    enum { K = 3000, OPS = 300000 };
    int64_t *ref = calloc(K, sizeof(int64_t)); // value + 1, 0 = absent
    GoMap *m = map_make(tt_map(t_int, t_int), 0);
    uint64_t rnd = 88172645463325252ull;
    int64_t live = 0, mismatches = 0;
    for (int op = 0; op < OPS; op++) {
        rnd ^= rnd << 13, rnd ^= rnd >> 7, rnd ^= rnd << 17;
        int64_t k = (int64_t)(rnd % K), kind = (int64_t)(rnd >> 40) % 10;
        if (op > OPS / 2 && kind < 5) // second half: mostly deletes, then refill
            kind = 9;
        if (kind < 5) {
            live += ref[k] == 0;
            ref[k] = op + 1;
            map_set(NULL, m, I(k), I(op));
        } else if (kind < 7) {
            Slot *v;
            live += ref[k] == 0;
            map_assign(NULL, m, I(k), &v);
            v->i += 1;
            ref[k] = v->i + 1;
        } else {
            live -= ref[k] != 0;
            ref[k] = 0;
            map_delete(NULL, m, I(k));
        }
        if (op % 10007 == 0 || op == OPS - 1) {
            mismatches += map_len(m) != live;
            for (int64_t j = 0; j < K; j++)
                mismatches += get_int(m, I(j)) != ref[j] - 1;
            MapIter it;
            Slot ik, iv;
            int64_t n = 0;
            map_iter_init(&it, m, (uint32_t)op);
            while (map_iter_next(NULL, &it, &ik, &iv))
                mismatches += ik.i < 0 || ik.i >= K || ref[ik.i] != iv.i + 1 || ++n > live;
            mismatches += n != live;
        }
    }
    CHECK(mismatches == 0);
    free(ref);
}

static void test_string_keys(void) {
    GoMap *m = map_make(tt_map(t_str, t_int), 10);
    char buf[32];
    for (int i = 0; i < 5000; i++) {
        snprintf(buf, sizeof buf, "key%d", i);
        map_set(NULL, m, Str(buf), I(i));
    }
    CHECK(map_len(m) == 5000);
    int ok = 1;
    for (int i = 0; i < 5000; i++) {
        snprintf(buf, sizeof buf, "key%d", i);
        ok &= get_int(m, Str(buf)) == i;
    }
    CHECK(ok);
    map_set(NULL, m, Str(""), I(42));
    CHECK(get_int(m, (Slot){.p = NULL}) == 42 && map_len(m) == 5001);
    map_set(NULL, m, Str("key1"), I(-9));
    CHECK(get_int(m, Str("key1")) == -9 && map_len(m) == 5001);
}

static void test_generic_keys(void) {
    GoMap *m = map_make(tt_map(t_f64, t_int), 0);
    map_set(NULL, m, (Slot){.f = 0.0}, I(1));
    map_set(NULL, m, (Slot){.f = -0.0}, I(2)); // same key, and Go updates it to -0
    CHECK(map_len(m) == 1 && get_int(m, (Slot){.f = 0.0}) == 2);
    MapIter it;
    Slot k, v;
    map_iter_init(&it, m, 0);
    CHECK(map_iter_next(NULL, &it, &k, &v) && signbit(k.f) && v.i == 2);
    for (int i = 0; i < 3; i++)
        map_set(NULL, m, (Slot){.f = NAN}, I(10 + i));
    CHECK(map_len(m) == 4 && get_int(m, (Slot){.f = NAN}) == -1);
    map_delete(NULL, m, (Slot){.f = NAN});
    CHECK(map_len(m) == 4);
    int n = 0;
    map_iter_init(&it, m, 5);
    while (map_iter_next(NULL, &it, &k, &v))
        n++;
    CHECK(n == 4);
    map_clear(m);
    CHECK(map_len(m) == 0 && get_int(m, (Slot){.f = 0.0}) == -1);

    // interface keys: 1 (int) and "1" (string) and nil are distinct
    GoMap *im = map_make(tt_map(t_iface, t_int), 0);
    Slot k1 = {.p = iface_box(t_int, I(1))}, k2 = {.p = iface_box(t_str, Str("1"))};
    map_set(NULL, im, k1, I(1));
    map_set(NULL, im, k2, I(2));
    map_set(NULL, im, (Slot){.p = NULL}, I(3));
    CHECK(map_len(im) == 3 && get_int(im, (Slot){.p = iface_box(t_int, I(1))}) == 1);
    CHECK(get_int(im, (Slot){.p = iface_box(t_str, Str("1"))}) == 2);
    CHECK(get_int(im, (Slot){.p = NULL}) == 3);
    if (fake_last_panic) {
        Slot bad = {.p = iface_box(t_ints, (Slot){.p = NULL})};
        Slot *vp;
        tt_reset_panic();
        CHECK(map_set(NULL, im, bad, I(0)) == RT_PANIC);
        CHECK(tt_panicked_with("runtime error: hash of unhashable type []int"));
        tt_reset_panic();
        CHECK(map_get(NULL, im, bad, &vp) == RT_PANIC);
        GoMap *empty = map_make(tt_map(t_iface, t_int), 0);
        CHECK(map_get(NULL, empty, bad, &vp) == RT_PANIC); // even when empty, as Go
        CHECK(map_delete(NULL, empty, bad) == RT_PANIC);
        CHECK(map_len(im) == 3);
        tt_reset_panic();
        CHECK(map_set(NULL, NULL, I(1), I(1)) == RT_PANIC);
        CHECK(tt_panicked_with("assignment to entry in nil map"));
        CHECK(map_assign(NULL, NULL, I(1), &vp) == RT_PANIC);
    }

    // struct keys and values are private copies
    GoMap *sm = map_make(tt_map(t_pt, t_pt), 0);
    Slot *p = val_new_storage(t_pt);
    p[0].i = 1;
    p[1] = Str("a");
    map_set(NULL, sm, (Slot){.p = p}, (Slot){.p = p});
    p[0].i = 2;
    Slot *q = val_new_storage(t_pt);
    q[0].i = 1;
    q[1] = Str("a");
    Slot *vp;
    CHECK(map_get(NULL, sm, (Slot){.p = q}, &vp) == RT_OK && vp && ((Slot *)vp->p)[0].i == 1);
    CHECK(map_get(NULL, sm, (Slot){.p = p}, &vp) == RT_OK && !vp);
    CHECK(map_assign(NULL, sm, (Slot){.p = p}, &vp) == RT_OK && ((Slot *)vp->p)[0].i == 0);
}

static void test_nil_map(void) {
    Slot *v = (Slot *)1;
    MapIter it;
    Slot k, val;
    CHECK(map_get(NULL, NULL, I(1), &v) == RT_OK && v == NULL);
    CHECK(map_delete(NULL, NULL, I(1)) == RT_OK && map_len(NULL) == 0);
    map_clear(NULL);
    map_iter_init(&it, NULL, 3);
    CHECK(!map_iter_next(NULL, &it, &k, &val));
}

// Iterates [m] (int -> int) and checks every key [0, n) is produced exactly once.
static bool iter_all_once(GoMap *m, int n, uint32_t rnd) {
    char *seen = calloc((size_t)n, 1);
    MapIter it;
    Slot k, v;
    int count = 0;
    bool ok = true;
    map_iter_init(&it, m, rnd);
    while (map_iter_next(NULL, &it, &k, &v)) {
        ok &= k.i >= 0 && k.i < n && !seen[k.i] && v.i == k.i * 2;
        if (k.i >= 0 && k.i < n)
            seen[k.i] = 1;
        count++;
    }
    free(seen);
    return ok && count == n;
}

static void test_iteration(void) {
    enum { N = 1000 };
    GoMap *m = map_make(tt_map(t_int, t_int), 0);
    for (int i = 0; i < N; i++)
        map_set(NULL, m, I(i), I(i * 2));
    CHECK(iter_all_once(m, N, 0) && iter_all_once(m, N, 12345));
    // different start positions give different orders
    MapIter a, b;
    Slot ka, kb, v;
    map_iter_init(&a, m, 1);
    map_iter_init(&b, m, 700);
    map_iter_next(NULL, &a, &ka, &v);
    map_iter_next(NULL, &b, &kb, &v);
    CHECK(ka.i != kb.i);

    // delete every other key during iteration, and grow the map (forcing new tables) by
    // adding keys >= N: each original key is produced at most once, and a deleted key is
    // produced only if it was reached before its deletion.
    char *seen = calloc(N, 1), *deleted = calloc(N, 1);
    MapIter it;
    Slot k;
    int produced = 0, bad = 0, next_new = N;
    map_iter_init(&it, m, 99);
    while (map_iter_next(NULL, &it, &k, &v)) {
        if (k.i < N) {
            bad += seen[k.i] || deleted[k.i];
            seen[k.i] = 1;
            produced++;
            for (int j = 0; j < 4; j++) // delete some keys not yet seen
                if (!seen[(k.i + 1 + j * 37) % N] && !deleted[(k.i + 1 + j * 37) % N]) {
                    deleted[(k.i + 1 + j * 37) % N] = 1;
                    map_delete(NULL, m, I((k.i + 1 + j * 37) % N));
                }
        }
        for (int j = 0; j < 8; j++, next_new++)
            map_set(NULL, m, I(next_new), I(next_new * 2));
    }
    int expect = 0;
    for (int i = 0; i < N; i++)
        expect += !deleted[i];
    CHECK(bad == 0 && produced == expect);
    free(seen);
    free(deleted);

    // clear during iteration stops it
    GoMap *c = map_make(tt_map(t_int, t_int), 0);
    for (int i = 0; i < 100; i++)
        map_set(NULL, c, I(i), I(i));
    map_iter_init(&it, c, 0);
    CHECK(map_iter_next(NULL, &it, &k, &v));
    map_clear(c);
    map_set(NULL, c, I(1000), I(0));
    CHECK(!map_iter_next(NULL, &it, &k, &v));
}

// ---- concurrent use ----

typedef struct Worker {
    GoMap *m;
    int id;
    bool write;
    int fatal_before; // fake_fatal_count() when the race started
} Worker;

static void *worker(void *arg) {
    Worker *w = arg;
    for (int64_t i = 0; i < 2000000; i++) {
        if (w->write) {
            map_set(NULL, w->m, I(i % 5000 + w->id * 5000), I(i));
        } else {
            Slot *v;
            map_get(NULL, w->m, I(i % 5000), &v);
            if (v)
                (void)__atomic_load_n(&v->u, __ATOMIC_RELAXED);
        }
        if (fake_fatal_count() > w->fatal_before)
            break;
    }
    return NULL;
}

// Runs two threads on one map (writers or a reader and a writer); expects Go's fatal error.
static void race(bool both_write, const char *want) {
    GoMap *m = map_make(tt_map(t_int, t_int), 0);
    for (int i = 0; i < 5000; i++)
        map_set(NULL, m, I(i), I(i));
    int before = fake_fatal_count();
    Worker w[2] = {{m, 1, true, before}, {m, 2, both_write, before}};
    pthread_t th[2];
    for (int i = 0; i < 2; i++)
        gc_thread_create(&th[i], worker, &w[i]);
    for (int i = 0; i < 2; i++)
        pthread_join(th[i], NULL);
    CHECK(fake_fatal_count() > before);
    if (fake_fatal_count() > before && strcmp(fake_last_fatal(), want) != 0 &&
        strcmp(fake_last_fatal(), "concurrent map writes") != 0)
        CHECK(!"unexpected fatal error text");
}

static void test_concurrent(void) {
    if (!fake_fatal_mode) // the real rt_fatal ends the process
        return;
    fake_fatal_mode(1);
    race(true, "concurrent map writes");
    race(false, "concurrent map read and map write");
    fake_fatal_mode(0);
}

// ---- micro-benchmark ----

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void bench(void) {
    enum { N = 1000000 };
    GoMap *m = map_make(tt_map(t_int, t_int), 0);
    double t0 = now();
    for (int64_t i = 0; i < N; i++)
        map_set(NULL, m, I(i * 2654435761u % 100000007), I(i));
    double t1 = now();
    int64_t sum = 0;
    for (int64_t i = 0; i < N; i++) {
        Slot *v;
        map_get(NULL, m, I(i * 2654435761u % 100000007), &v);
        sum += v ? v->i : 0;
    }
    double t2 = now();
    Slot *keys = gc_alloc(N * sizeof(Slot)); // scanned: it holds the only string pointers
    char buf[32];
    for (int i = 0; i < N; i++) {
        snprintf(buf, sizeof buf, "key%d", i);
        keys[i] = Str(buf);
    }
    GoMap *s = map_make(tt_map(t_str, t_int), 0);
    double t3 = now();
    for (int64_t i = 0; i < N; i++)
        map_set(NULL, s, keys[i], I(i));
    double t4 = now();
    for (int64_t i = 0; i < N; i++) {
        Slot *v;
        map_get(NULL, s, keys[(i * 7919) % N], &v);
        sum += v ? v->i : 0;
    }
    double t5 = now();
    printf("map bench (1M keys, ns/op): int insert %.1f lookup %.1f; string insert %.1f lookup "
           "%.1f (%ld)\n",
           (t1 - t0) * 1e9 / N, (t2 - t1) * 1e9 / N, (t4 - t3) * 1e9 / N, (t5 - t4) * 1e9 / N,
           (long)(sum & 1));
}

int main(int argc, char **argv) {
    gc_init();
    make_types();
    test_int_keys();
    test_random_ops();
    test_string_keys();
    test_generic_keys();
    test_nil_map();
    test_iteration();
    test_concurrent();
    if (argc > 1 && strcmp(argv[1], "bench") == 0)
        bench();
    return unit_summary("map");
}
