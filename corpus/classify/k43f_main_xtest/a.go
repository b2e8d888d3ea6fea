// Spec §5.4 row 8 (item 43 family): package main with main_test xtest.
package main

func main() {}
