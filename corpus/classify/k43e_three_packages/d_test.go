package one_test
