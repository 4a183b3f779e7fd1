// Load generator of bench/http/run.sh: C connections (one thread each) send keep-alive
// GET / requests to 127.0.0.1:PORT until N requests in all are answered or T seconds
// pass; prints requests/s. Each response is read up to the end of its body
// (Content-Length), so this measures complete round trips.
//   load PORT CONNS REQUESTS SECONDS
#include <arpa/inet.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

static int port;
static long total;
static double deadline;
static atomic_long issued, done;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

// read_response reads one response; returns 0 at its end, -1 on error.
static int read_response(int fd, char *buf, size_t cap, size_t *have) {
    for (;;) {
        buf[*have] = 0;
        char *end = strstr(buf, "\r\n\r\n");
        if (end) {
            char *cl = strstr(buf, "Content-Length: ");
            long n = cl && cl < end ? atol(cl + 16) : 0;
            size_t whole = (size_t)(end + 4 - buf) + (size_t)n;
            if (*have >= whole) {
                memmove(buf, buf + whole, *have - whole);
                *have -= whole;
                return 0;
            }
        }
        ssize_t r = read(fd, buf + *have, cap - 1 - *have);
        if (r <= 0)
            return -1;
        *have += (size_t)r;
    }
}

static void *client(void *arg) {
    (void)arg;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons((uint16_t)port)};
    inet_pton(AF_INET, "127.0.0.1", &a.sin_addr);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
        perror("connect");
        return NULL;
    }
    static const char req[] = "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    char buf[8192];
    size_t have = 0;
    while (atomic_fetch_add(&issued, 1) < total && now() < deadline) {
        if (write(fd, req, sizeof req - 1) != (ssize_t)(sizeof req - 1) ||
            read_response(fd, buf, sizeof buf, &have) < 0)
            break;
        atomic_fetch_add(&done, 1);
    }
    close(fd);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 5) {
        fprintf(stderr, "usage: load PORT CONNS REQUESTS SECONDS\n");
        return 2;
    }
    port = atoi(argv[1]);
    int conns = atoi(argv[2]);
    total = atol(argv[3]);
    double t0 = now();
    deadline = t0 + atof(argv[4]);
    pthread_t *th = calloc((size_t)conns, sizeof *th);
    for (int i = 0; i < conns; i++)
        pthread_create(&th[i], NULL, client, NULL);
    for (int i = 0; i < conns; i++)
        pthread_join(th[i], NULL);
    double dt = now() - t0;
    printf("%ld requests in %.2fs: %.0f requests/s\n", atomic_load(&done), dt, atomic_load(&done) / dt);
    return 0;
}
