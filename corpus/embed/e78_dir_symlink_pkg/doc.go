// Checklist §11 item 66 (spec §0.2/§6.3): a package directory holding a file symlink uses the go/build path; embeds still resolve.
package p
