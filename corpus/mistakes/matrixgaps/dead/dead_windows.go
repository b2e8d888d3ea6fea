package dead

// Console is the Windows console handle.
var Console uintptr
