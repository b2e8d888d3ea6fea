// Checklist §11 item 45: .S/.sx files go to SFiles when the package has CgoFiles; with CGO_ENABLED=0 they are ignored again.
package p
