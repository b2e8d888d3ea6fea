// Checklist §11 item 45: .S/.sx files in a package without CgoFiles go to IgnoredOtherFiles.
package p
