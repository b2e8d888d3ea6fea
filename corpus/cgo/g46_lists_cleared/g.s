// g.s
