package kept
