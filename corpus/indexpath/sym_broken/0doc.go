// Checklist §11 item 49: a broken .go symlink: InvalidGoFiles, open <abs>: no such file or directory; a broken .c symlink goes to IgnoredOtherFiles.
package p
