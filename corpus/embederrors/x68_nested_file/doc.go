// Checklist §11 item 68: a file inside a nested module: "cannot embed file nested/n.txt: in different module".
package p
