// Checklist §11 item 51: a non-final vendor element: a/vendor is matched as the last element.
package vendor
