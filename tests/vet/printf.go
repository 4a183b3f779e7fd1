// gol vet's printf checks, against go vet (Go 1.23) on the same program.
package main

import (
	"errors"
	"fmt"
	"log"
	"os"
)

type celsius float64

func (c celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }

type point struct{ x, y int }

func hello() string { return "hello" }

func main() {
	name, n := "gopher", 3
	var p *point = &point{1, 2}
	var anyv interface{} = 4
	err := errors.New("boom")
	c := celsius(21.5)
	r := 'x'
	args := []interface{}{1, 2}

	// Print-like calls with a directive or a trailing newline.
	fmt.Println("hello %s", name)
	fmt.Print("%d items\n", n)
	fmt.Println("done\n")
	fmt.Fprintln(os.Stderr, "value: %v", n)
	log.Println("%5.2f", 1.5)
	fmt.Println("100%")
	fmt.Println("50% off")
	fmt.Sprintln("x", hello)

	// Wrong argument counts.
	fmt.Printf("%d %d\n", n)
	fmt.Printf("%s\n", name, n)
	fmt.Printf("no verbs\n", n)
	fmt.Printf("%[3]d\n", 1, 2)
	fmt.Printf("%[1]d %[1]x\n", n)
	fmt.Printf("%d %d\n", args...)
	fmt.Printf("%*d\n", n, n)
	fmt.Printf("%*d\n", name, n)
	fmt.Printf("%d %", n)
	fmt.Printf("%[2d", n)

	// Verbs that do not fit the argument.
	fmt.Printf("%d\n", name)
	fmt.Printf("%s\n", n)
	fmt.Printf("%t\n", n)
	fmt.Printf("%f\n", n)
	fmt.Printf("%x\n", name)
	fmt.Printf("%q %c %U\n", r, r, r)
	fmt.Printf("%s\n", c)
	fmt.Printf("%d\n", c)
	fmt.Printf("%s\n", err)
	fmt.Printf("%v %d %T\n", anyv, anyv, anyv)
	fmt.Printf("%p %d\n", p, p)
	fmt.Printf("%s\n", p)
	fmt.Printf("%d\n", point{1, 2})
	fmt.Printf("%s\n", hello)
	fmt.Printf("%d\n", nil)
	fmt.Printf("%z\n", n)
	fmt.Printf("%!\n")
	fmt.Printf("%-+#08.3f|%% %v\n", 3.14159, true)
	fmt.Printf("%#s\n", name)
	fmt.Printf("%s\n", []byte("bytes"))
	fmt.Printf("%d\n", []int{1, 2})
	fmt.Printf("%d\n", map[string]int{"a": 1})

	// %w belongs to Errorf.
	fmt.Printf("%w\n", err)
	wrapped := fmt.Errorf("context: %w", err)
	_ = fmt.Errorf("bad: %w", name)
	_ = fmt.Sprintf("%d", "str")
	fmt.Fprintf(os.Stdout, "%s %d\n", name)
	log.Printf("%d\n", name)
	fmt.Println(wrapped)
}
