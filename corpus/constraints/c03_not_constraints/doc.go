// Checklist §11 item 3: //go:buildfoo, // go:build foo and // +buildfoo are not constraints: all built.
package p
