package p_test
