package p

import ﻿"fmt"

var _ = fmt.Sprint
