"""pytest-lsp over stdio against `gotags lsp`: diagnostics for an unsaved buffer, a quick
fix applied as the client would, the diagnostics gone after that edit, and the hovers on a
//go:build line and on a //go:embed pattern.

Run by tests/editors.rs with GOTAGS_BIN (the server) and GOTAGS_ROOT (a copy of
corpus/mistakes).
"""
import asyncio
import os
import pathlib

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

BIN = os.environ.get("GOTAGS_BIN", "gotags")
ROOT = pathlib.Path(os.environ.get("GOTAGS_ROOT", "."))


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BIN, "lsp"]))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=ROOT.as_uri(),
            initialization_options={"platforms": "linux/amd64,windows/amd64,darwin/arm64"},
        )
    )
    yield
    await lsp_client.shutdown_session()


async def diagnostics(client: LanguageClient, uri: str, ok):
    """The diagnostics last published for `uri` once `ok` accepts them (30 s at most)."""
    for _ in range(60):
        found = client.diagnostics.get(uri)
        if found is not None and ok(found):
            return found
        try:
            await asyncio.wait_for(
                client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 0.5
            )
        except asyncio.TimeoutError:
            pass
    raise AssertionError(f"no such diagnostics for {uri}: {client.diagnostics.get(uri)}")


def codes(found):
    return [d.code for d in found]


def hover_text(h) -> str:
    return h.contents.value if h is not None else ""


@pytest.mark.asyncio
async def test_unsaved_buffer_fix_and_hovers(client: LanguageClient):
    uri = (ROOT / "constraints" / "unsaved.go").as_uri()
    text = "//go:build linx\n\npackage constraints\n"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="go", version=1, text=text)
        )
    )
    found = await diagnostics(client, uri, lambda f: "GT201" in codes(f))
    gt201 = [d for d in found if d.code == "GT201"]
    assert len(gt201) == 1, found
    assert gt201[0].range.start == types.Position(line=0, character=11)

    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=0, character=3),
        )
    )
    assert "compiles on 0 of 6 configurations" in hover_text(hover)

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=gt201[0].range,
            context=types.CodeActionContext(diagnostics=gt201),
        )
    )
    fixes = [a for a in actions or [] if isinstance(a, types.CodeAction) and a.edit]
    assert fixes, actions
    edits = fixes[0].edit.changes[uri]
    assert [e.new_text for e in edits] == ["linux"]
    # Apply the edit as a client does: an incremental change of that range.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(range=e.range, text=e.new_text)
                for e in edits
            ],
        )
    )
    await diagnostics(client, uri, lambda f: "GT201" not in codes(f))

    emb = (ROOT / "emb" / "emb.go").as_uri()
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=emb),
            position=types.Position(line=10, character=13),
        )
    )
    assert "static/_hidden.css" in hover_text(hover)
    assert "all:static" in hover_text(hover)
