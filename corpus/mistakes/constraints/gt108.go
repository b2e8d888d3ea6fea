// +build !!linux

package constraints
