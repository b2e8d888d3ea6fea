// Checklist §11 item 46: CGO_ENABLED=0 empties CFiles, CXXFiles, MFiles, SwigFiles and SwigCXXFiles; HFiles, SFiles and SysoFiles stay.
package p
