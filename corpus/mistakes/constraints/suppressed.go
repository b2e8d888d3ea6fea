//gotags:ignore GT201
//go:build darwn

package constraints
