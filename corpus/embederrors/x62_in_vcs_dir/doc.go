// Checklist §11 item 62: a file inside a VCS dir: "cannot embed file .svn/entries: in invalid directory .svn".
package p
