// hello +build linux

package constraints
