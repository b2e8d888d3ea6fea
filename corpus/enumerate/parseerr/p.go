// Spec §6.1 step 6: a directory with a parse error is kept.
package p

import "fmt
