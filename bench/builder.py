# builder: io.StringIO-free list-join building and str methods (twin of builder.go).
def main():
    parts = []
    for i in range(2000000):
        parts.append("go")
        parts.append(" ")
        if i % 10 == 0:
            parts.append("routine\n")
    s = "".join(parts)
    lines = s.split("\n")
    words = s.split()
    print(len(s), len(lines), len(words), s.count("go"), s[:12].upper())


main()
