// Checklist §11 item 62: * in a directory holding .git (an empty dir created from corpus/emptydirs.txt): "cannot embed directory .git: invalid name .git".
package p
