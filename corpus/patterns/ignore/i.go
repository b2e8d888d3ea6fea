package ign
