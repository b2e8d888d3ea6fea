// Checklist §11 item 46 (spec §5.6): Fortran files in a cgo package: FFiles; .f/.F/.for/.f90 all count.
package p
