//go:build ignore

package p

import "fmt
