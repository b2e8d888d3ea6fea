nested/go.mod
