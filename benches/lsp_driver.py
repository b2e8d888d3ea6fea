#!/usr/bin/env python3
"""Benchmark driver for `gotags lsp` over stdio.

Copies $GOROOT/src to a temporary directory (never touching the original), starts the
server with it as the workspace, measures the time to the first workspace diagnostics,
then sends N full-text didChange notifications on os/file.go (alternating a misspelt tag
in a new constraint line and the original text) and measures each change's time until its
publishDiagnostics arrives. Prints median, p99 and the server's peak RSS (VmHWM).

usage: benches/lsp_driver.py [--body] [GOTAGS_BIN] [GOROOT_SRC] [N]
       benches/lsp_driver.py [--body] --gopls GOPLS_BIN [GOROOT_SRC] [N]

With --body each edit is typing in the file's body instead (a new comment line, different
every time, at the end of the file): the header, and so the package's file lists, stay.

With --gopls the same edits go to gopls (diagnosticsDelay 0s, so its debounce does not
count); gopls pushes nothing for a clean workspace, so its "first diagnostics" is the
time to the diagnostics of the opened os/file.go instead. gopls works on GOROOT_SRC itself
(it must be its go command's GOROOT: put that release's go first on PATH); only buffers
change.
"""
import json, os, shutil, statistics, subprocess, sys, tempfile, time

body_edits = len(sys.argv) > 1 and sys.argv[1] == "--body"
if body_edits:
    sys.argv.pop(1)
gopls = len(sys.argv) > 1 and sys.argv[1] == "--gopls"
if gopls:
    sys.argv.pop(1)
binary = sys.argv[1] if len(sys.argv) > 1 else "target/release/gotags"
if os.sep in binary:
    binary = os.path.abspath(binary)
src = os.path.realpath(sys.argv[2] if len(sys.argv) > 2 else "/usr/lib/go-1.23/src")
n = int(sys.argv[3]) if len(sys.argv) > 3 else 200

tmp = tempfile.mkdtemp()
root = os.path.join(tmp, "src")
if gopls:
    # gopls needs the tree where its GOROOT is; edits stay in its buffers, nothing is written.
    root = src
else:
    shutil.copytree(src, root, symlinks=True)
cmd = [binary] if gopls else [binary, "lsp"]
p = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=root)
options = {"diagnosticsDelay": "0s"} if gopls else None

def send(msg):
    body = json.dumps(msg).encode()
    p.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    p.stdin.flush()

def recv():
    length = None
    while True:
        line = p.stdout.readline()
        if not line:
            raise SystemExit("server closed")
        line = line.strip()
        if not line:
            break
        k, _, v = line.partition(b":")
        if k.lower() == b"content-length":
            length = int(v)
    m = json.loads(p.stdout.read(length))
    if "method" in m and "id" in m:
        # A request from the server (configuration, registrations, progress): answer it.
        result = None
        if m["method"] == "workspace/configuration":
            result = [options for _ in m["params"]["items"]]
        send({"jsonrpc": "2.0", "id": m["id"], "result": result})
    return m

t0 = time.perf_counter()
send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": None, "rootUri": "file://" + root, "initializationOptions": options,
                 "capabilities": {"workspace": {"configuration": True}}}})
while recv().get("id") != 1:
    pass
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
target = "file://" + os.path.join(root, "os/file.go")
text = open(os.path.join(root, "os/file.go")).read()
if not gopls:
    while True:
        m = recv()
        if m.get("method") == "textDocument/publishDiagnostics":
            break
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": target, "languageId": "go", "version": 1, "text": text}}})
if gopls:
    while True:
        m = recv()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == target:
            break
first = time.perf_counter() - t0

def cpu_ms():
    """The server's CPU time so far (user + system), in ms: wall time on a shared machine
    says little on its own."""
    fields = open(f"/proc/{p.pid}/stat").read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")

first_cpu = cpu_ms()
print(f"first workspace diagnostics: {first*1000:.0f} ms ({first_cpu:.0f} ms CPU)", file=sys.stderr, flush=True)
bad = "//go:build linx\n\n" + text
times = []
for v in range(2, n + 2):
    if body_edits:
        body = text + f"\n// edit {v}\n"
    else:
        body = bad if v % 2 == 0 else text
    start = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": target, "version": v},
                     "contentChanges": [{"text": body}]}})
    while True:
        m = recv()
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == target \
                and m["params"].get("version") == v:
            break
    times.append((time.perf_counter() - start) * 1000)
    if len(times) % 50 == 0:
        print(f"{len(times)} edits, last {times[-1]:.2f} ms", file=sys.stderr, flush=True)
edits_cpu = cpu_ms() - first_cpu
hwm = "?"
for line in open(f"/proc/{p.pid}/status"):
    if line.startswith("VmHWM"):
        hwm = line.split(":")[1].strip()
send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
# Read up to the shutdown reply: an unread stdout pipe would block the server's writer.
while recv().get("id") != 2:
    pass
send({"jsonrpc": "2.0", "method": "exit"})
p.wait(timeout=30)
shutil.rmtree(tmp)
times.sort()
print(f"first workspace diagnostics: {first*1000:.0f} ms wall, {first_cpu:.0f} ms CPU")
kind = "body" if body_edits else "constraint-line"
print(f"didChange os/file.go ({kind} edits) -> diagnostics over {n} edits: median {statistics.median(times):.2f} ms, "
      f"p99 {times[int(len(times)*0.99)-1]:.2f} ms, max {times[-1]:.2f} ms; "
      f"server CPU {edits_cpu/n:.1f} ms per edit")
print(f"peak RSS (VmHWM): {hwm}")
