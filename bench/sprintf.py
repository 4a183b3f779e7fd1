# sprintf: %-formatting with mixed conversions in a loop (twin of sprintf.go).
def main():
    total = 0
    for i in range(500000):
        s = "item %d: %s=%.2f [%x] %s" % (i, "price", i * 1.5, i, "true" if i % 7 == 0 else "false")
        total += len(s)
    print(total)


main()
