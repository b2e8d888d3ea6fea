package x〇
