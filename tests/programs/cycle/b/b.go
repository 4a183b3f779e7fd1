package b

import "example.com/cyc/a"

var B = a.A + 1
