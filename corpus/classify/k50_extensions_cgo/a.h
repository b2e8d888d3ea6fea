// a.h
