// Checklist §11 item 60: directives inside /* */ or raw strings and after code are not collected; indented ones and tab-separated ones are.
package p
