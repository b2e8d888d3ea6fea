// Spec §6.1 step 8: "con" disallowed as path element component on Windows.
package con
