package p

import "fmt
