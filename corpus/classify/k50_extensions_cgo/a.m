// a.m
