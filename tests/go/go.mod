module gotags.test/oracles

go 1.23
