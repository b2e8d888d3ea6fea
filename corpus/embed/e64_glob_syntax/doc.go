// Checklist §11 item 64: [!a].txt matches a.txt; {a,b}.txt is literal; **/x.txt equals */x.txt; classes, ? and escapes.
package p
