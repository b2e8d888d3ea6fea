// a.hxx
