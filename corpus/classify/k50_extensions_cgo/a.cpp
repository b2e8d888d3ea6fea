// a.cpp
