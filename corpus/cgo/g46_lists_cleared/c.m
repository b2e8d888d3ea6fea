// c.m
