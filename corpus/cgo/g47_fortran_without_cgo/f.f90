! fortran
