"""What the corpus generators' Python snippets share: reading go's JSON streams and
replacing machine paths by placeholders."""
import json


def stream(path):
    """The objects of a file of concatenated JSON values (what `go list -json` prints)."""
    text = open(path, encoding="utf-8").read()
    dec, i, out = json.JSONDecoder(), 0, []
    while True:
        while i < len(text) and text[i].isspace():
            i += 1
        if i == len(text):
            return out
        obj, i = dec.raw_decode(text, i)
        out.append(obj)


def norm(v, replace):
    """`v` with every (old, new) of `replace` applied, in order, to each string in it."""
    if isinstance(v, str):
        for old, new in replace:
            v = v.replace(old, new)
        return v
    if isinstance(v, list):
        return [norm(x, replace) for x in v]
    if isinstance(v, dict):
        return {k: norm(x, replace) for k, x in v.items()}
    return v
