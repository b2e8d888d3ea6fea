package p

import (
	"fmt" 0o8
)

var _ = fmt.Sprint
