package main

import "testing"

func TestMainBuilds(t *testing.T) {}
