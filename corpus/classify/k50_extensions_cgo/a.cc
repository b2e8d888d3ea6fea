// a.cc
