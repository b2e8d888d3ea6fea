package p

import (
	"fmt"
	_ "embed"
)

//go:embed c.txt
var c string

var _ = fmt.Sprint
