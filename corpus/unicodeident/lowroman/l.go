package ⅷ
