// +build linux

package constraints
