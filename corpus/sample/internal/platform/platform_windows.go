package platform

func osName() string { return "Windows" }
