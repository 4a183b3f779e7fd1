package failing

import "fmt"

func fmtPrint(x int) { fmt.Println(x) }
