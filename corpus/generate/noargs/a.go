package noargs

//go:generate 	 
