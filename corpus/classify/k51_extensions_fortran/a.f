! a.f
