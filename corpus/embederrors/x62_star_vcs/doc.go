// Checklist §11 item 62: * in a directory holding a VCS dir: "cannot embed directory .svn: invalid name .svn".
package p
