package b

import "example.com/intl/a/internal/x"

const B = x.X
