// Checklist §11 item 63: pattern d skips d/.x, d/_x and VCS dirs (.svn/.hg stand in for .git, which git cannot store).
package p
