// Checklist §11 item 59: a file without import "embed" contributes no patterns.
package p
