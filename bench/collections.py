# collections: list append, dict insert and lookup, method calls through classes
# (twin of collections.go).
class Rect:
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Square:
    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


def main():
    n = 1000000
    s = []
    for i in range(n):
        s.append(i * 3)
    m = {}
    for i in range(n):
        m[i * 7] = i
    hits = 0
    for i in range(2 * n):
        if i in m:
            hits += 1
    shapes = [Rect(2, 3), Square(4), Rect(5, 1)]
    total = 0
    for i in range(3 * n):
        total += shapes[i % 3].area()
    print(len(s), s[n - 1], len(m), hits, total)


main()
