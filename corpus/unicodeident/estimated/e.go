package ℮
