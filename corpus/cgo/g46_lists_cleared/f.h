// f.h
