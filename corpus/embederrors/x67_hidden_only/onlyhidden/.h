onlyhidden/.h
