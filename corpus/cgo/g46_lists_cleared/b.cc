// b.cc
