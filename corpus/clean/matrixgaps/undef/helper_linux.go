package undef

func helper() int { return 1 }
