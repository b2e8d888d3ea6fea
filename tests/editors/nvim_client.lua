-- Neovim (0.11, headless) with its built-in LSP client against `gotags lsp`.
-- usage: nvim --headless --clean -l nvim_client.lua GOTAGS_BIN MODULE_ROOT
-- Shows: diagnostics for an unsaved buffer, a quick fix applied through the client, the
-- diagnostics gone after that edit, and the hovers on a //go:build line and a //go:embed
-- pattern. Exits non-zero with the reason on the first failed expectation.
local bin, root = arg[1], arg[2]

local function fail(msg)
  io.stderr:write('nvim client: ' .. msg .. '\n')
  os.exit(1)
end

local function codes(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    out[#out + 1] = tostring(d.code)
  end
  return table.concat(out, ',')
end

local function has_code(buf, code)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    if d.code == code then
      return true
    end
  end
  return false
end

-- An unsaved buffer: the file does not exist on disk.
local path = root .. '/constraints/unsaved.go'
vim.cmd.edit(vim.fn.fnameescape(path))
local buf = vim.api.nvim_get_current_buf()
vim.bo[buf].filetype = 'go'
vim.api.nvim_buf_set_lines(buf, 0, -1, false, { '//go:build linx', '', 'package constraints' })

local id = vim.lsp.start({
  name = 'gotags',
  cmd = { bin, 'lsp' },
  root_dir = root,
  init_options = { platforms = 'linux/amd64,windows/amd64,darwin/arm64' },
}, { bufnr = buf })
if not id then
  fail('the client did not start')
end
local client = vim.lsp.get_client_by_id(id)

if not vim.wait(20000, function() return has_code(buf, 'GT201') end, 20) then
  fail('no GT201 for the unsaved buffer; got [' .. codes(buf) .. ']')
end

-- Hover on the //go:build line.
local uri = vim.uri_from_bufnr(buf)
local r = client:request_sync('textDocument/hover',
  { textDocument = { uri = uri }, position = { line = 0, character = 3 } }, 10000, buf)
local text = r and r.result and r.result.contents and r.result.contents.value or ''
if not text:find('compiles on 0 of 6 configurations', 1, true) then
  fail('constraint hover: ' .. vim.inspect(r))
end

-- The quick fix, applied by the client as a workspace edit (a didChange follows).
local diags = vim.lsp.diagnostic.from(vim.diagnostic.get(buf))
r = client:request_sync('textDocument/codeAction', {
  textDocument = { uri = uri },
  range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 15 } },
  context = { diagnostics = diags },
}, 10000, buf)
local action
for _, a in ipairs(r and r.result or {}) do
  if a.kind == 'quickfix' and a.edit then
    action = a
    break
  end
end
if not action then
  fail('no quick fix: ' .. vim.inspect(r))
end
vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding)
local first = vim.api.nvim_buf_get_lines(buf, 0, 1, false)[1]
if first ~= '//go:build linux' then
  fail('the fix gave ' .. first)
end
if not vim.wait(20000, function() return not has_code(buf, 'GT201') end, 20) then
  fail('GT201 still shown after the fixing edit: [' .. codes(buf) .. ']')
end

-- Hover on a //go:embed pattern of a file opened from disk.
vim.cmd.edit(vim.fn.fnameescape(root .. '/emb/emb.go'))
local emb = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(emb, id)
r = client:request_sync('textDocument/hover',
  { textDocument = { uri = vim.uri_from_bufnr(emb) }, position = { line = 10, character = 13 } }, 10000, emb)
text = r and r.result and r.result.contents and r.result.contents.value or ''
if not (text:find('static/_hidden.css', 1, true) and text:find('all:static', 1, true)) then
  fail('embed hover: ' .. vim.inspect(r))
end

client:stop()
vim.wait(5000, function() return client:is_stopped() end, 20)
io.stdout:write('nvim client: all expectations met\n')
os.exit(0)
