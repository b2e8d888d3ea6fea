// just a comment
