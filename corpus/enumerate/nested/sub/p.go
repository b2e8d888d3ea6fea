// Checklist §11 item 52: pruned with its module.
package sub
