// Checklist §11 item 37: goexperiment.regabiargs is true on amd64 and false on 386, even with GOEXPERIMENT=regabi.
package p
