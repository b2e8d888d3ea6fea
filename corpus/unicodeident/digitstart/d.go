package ٣x
