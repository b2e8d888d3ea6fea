package x٣

import "fmt"

var _ = fmt.Sprint
