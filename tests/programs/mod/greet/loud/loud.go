package loud

import (
	"fmt"
	"strings"

	"example.com/app/greet"
)

func init() { fmt.Println("init: loud") }

func Shout(s string) string { return strings.ToUpper(s) + "!" + greet.Hello("") }
