// Checklist §11 item 41: a directory of only package documentation files is absent from ./... .
package documentation
