package Ⅻ
