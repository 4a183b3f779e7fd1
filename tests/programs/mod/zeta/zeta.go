package zeta

import "fmt"

func init() { fmt.Println("init: zeta") }

const Name = "zeta"
