// Checklist §11 item 56: walk order a, a/b, a/c/d, a-b, a.b, a0, z.
package p
