package cgoassets
