package three
