// +build linux
package constraints
