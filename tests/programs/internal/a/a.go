package a

import "example.com/intl/a/internal/x"

const A = x.X
