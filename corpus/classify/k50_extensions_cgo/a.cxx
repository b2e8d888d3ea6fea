// a.cxx
