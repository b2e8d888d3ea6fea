// go:build linux // //go:build x

package constraints
