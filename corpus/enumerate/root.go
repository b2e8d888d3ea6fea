// Checklist §11 item 56: the module root is a package too; ./... output is walk order.
package enumerate
