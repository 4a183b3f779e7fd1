package alpha

import "fmt"

func init() { fmt.Println("init: alpha") }

const Name = "alpha"
