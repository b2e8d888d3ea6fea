// Checklist §11 item 70: Pos of a quoted pattern points at its opening quote; first occurrence wins.
package p
