// linux only
