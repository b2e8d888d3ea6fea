// a.hh
