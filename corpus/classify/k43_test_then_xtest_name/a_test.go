// Checklist §11 item 43: a_test.go (package foo) plus b.go (package foo_test): b.go in GoFiles and InvalidGoFiles.
package foo
