-- End-to-end test of the plugin with `pgm lsp` in a real Neovim, run by
-- scripts/test-neovim on a copy of tests/workspace (PGM_WORKSPACE). Each
-- check prints `ok` or `FAIL` with the reason; the run ends with
-- "N passed, N failed" and exits non-zero when a check failed. Every wait is
-- bounded, and the whole run is stopped after OVERALL_TIMEOUT_MS.

local WORKSPACE = vim.fs.normalize(
  assert(vim.env.PGM_WORKSPACE, "PGM_WORKSPACE must name a copy of tests/workspace")
)
local WAIT_MS = 10000
local OVERALL_TIMEOUT_MS = 180000

local function say(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end

vim.defer_fn(function()
  say(("FAIL the run: not finished after %d s"):format(OVERALL_TIMEOUT_MS / 1000))
  vim.cmd("cquit 2")
end, OVERALL_TIMEOUT_MS)

-- Assertions -----------------------------------------------------------------

--- A failed expectation, told apart from an error in the test itself,
--- which gets a traceback.
local function fail(message)
  error({ failure = message }, 0)
end

local function expect(condition, message)
  if not condition then
    fail(message)
  end
end

local function expect_equal(actual, expected, what)
  if not vim.deep_equal(actual, expected) then
    fail(
      ("%s:\n  expected %s\n  got      %s"):format(what, vim.inspect(expected), vim.inspect(actual))
    )
  end
end

local function wait_for(what, predicate, timeout_ms)
  if not vim.wait(timeout_ms or WAIT_MS, predicate, 20) then
    fail(("timed out after %d ms waiting for %s"):format(timeout_ms or WAIT_MS, what))
  end
end

-- Buffers and text -----------------------------------------------------------

local function path(name)
  return vim.fs.joinpath(WORKSPACE, name)
end

--- Opens a workspace file in the current window and returns its buffer.
local function open(name)
  vim.cmd.edit(vim.fn.fnameescape(path(name)))
  return vim.api.nvim_get_current_buf()
end

local function lines_of(buf)
  return vim.api.nvim_buf_get_lines(buf, 0, -1, false)
end

--- The 0-based row and byte column of the first `needle` in `buf`, plus
--- `offset` bytes.
local function find(buf, needle, offset)
  for row, line in ipairs(lines_of(buf)) do
    local col = line:find(needle, 1, true)
    if col then
      return row - 1, col - 1 + (offset or 0)
    end
  end
  fail(("%q not found in %s"):format(needle, vim.api.nvim_buf_get_name(buf)))
end

--- Shows `buf` in the current window with the cursor on `needle` (+ offset).
local function put_cursor(buf, needle, offset)
  vim.api.nvim_set_current_buf(buf)
  local row, col = find(buf, needle, offset)
  vim.api.nvim_win_set_cursor(0, { row + 1, col })
  return row, col
end

local function has_word(buf, word)
  local pattern = "%f[%w_]" .. word .. "%f[^%w_]"
  for _, line in ipairs(lines_of(buf)) do
    if line:find(pattern) then
      return true
    end
  end
  return false
end

-- The language server ----------------------------------------------------------

-- Once the server failed to attach, the other checks say so at once
-- instead of each waiting for it.
local attached = true

--- The pgm client attached to `buf`, waiting for it to start.
local function client_for(buf)
  expect(attached, "pgm lsp is not attached (see the attach check)")
  local client
  attached = vim.wait(WAIT_MS, function()
    client = vim.lsp.get_clients({ bufnr = buf, name = "pgm" })[1]
    return client ~= nil and client.initialized
  end, 20)
  expect(
    attached,
    ("timed out after %d ms waiting for pgm lsp to attach to %s (cmd: %s)"):format(
      WAIT_MS,
      vim.api.nvim_buf_get_name(buf),
      table.concat(vim.lsp.config.pgm.cmd, " ")
    )
  )
  return client
end

local function require_capability(client, capability)
  expect(
    client.server_capabilities[capability],
    ("the server does not advertise %s (capabilities: %s)"):format(
      capability,
      table.concat(vim.tbl_keys(client.server_capabilities), ", ")
    )
  )
end

--- Sends `method` for the cursor's position in the current buffer and
--- returns the result.
local function request_at_cursor(client, method)
  local buf = vim.api.nvim_get_current_buf()
  local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
  local response, problem = client:request_sync(method, params, WAIT_MS, buf)
  expect(response, ("%s got no answer: %s"):format(method, tostring(problem)))
  expect(not response.err, ("%s answered an error: %s"):format(method, vim.inspect(response.err)))
  return response.result
end

local function diagnostics_of(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(found, { d.code, d.lnum, d.col, vim.diagnostic.severity[d.severity] })
  end
  table.sort(found, function(a, b)
    if a[2] ~= b[2] then
      return a[2] < b[2]
    end
    return a[3] < b[3]
  end)
  return found
end

local function floating_windows()
  return vim.tbl_filter(function(win)
    return vim.api.nvim_win_get_config(win).relative ~= ""
  end, vim.api.nvim_tabpage_list_wins(0))
end

local function close_floats()
  for _, win in ipairs(floating_windows()) do
    vim.api.nvim_win_close(win, true)
  end
end

-- The checks -------------------------------------------------------------------

local results = { passed = 0, failed = {} }

local function check(name, body)
  local ok, problem = xpcall(body, function(raised)
    if type(raised) == "table" and raised.failure then
      return raised.failure
    end
    return debug.traceback(tostring(raised), 2)
  end)
  close_floats()
  if ok then
    results.passed = results.passed + 1
    say("ok   " .. name)
  else
    table.insert(results.failed, name)
    say("FAIL " .. name .. ": " .. tostring(problem))
  end
end

-- Every workspace file is open, as the edits below change several of them.
local apollo = open("apollo.pgm")
local people = open("people.pgm")
local hermes = open("hermes.pgm")
local infra = open("infra.pgm")
vim.api.nvim_set_current_buf(apollo)

check("filetype, comments, folding and indentation options", function()
  for _, buf in ipairs({ apollo, people, hermes, infra }) do
    expect_equal(vim.bo[buf].filetype, "pgm", "filetype of " .. vim.api.nvim_buf_get_name(buf))
  end
  expect_equal(vim.bo[apollo].commentstring, "// %s", "commentstring")
  expect_equal(vim.wo.foldmethod, "expr", "foldmethod")
  expect_equal(vim.wo.foldexpr, "v:lua.vim.treesitter.foldexpr()", "foldexpr")
  expect_equal(vim.bo[apollo].indentexpr, "v:lua.require'pgm.indent'.get()", "indentexpr")
end)

check("every query of the plugin loads", function()
  for _, name in ipairs({ "highlights", "folds", "indents", "locals" }) do
    local ok, query = pcall(vim.treesitter.query.get, "pgm", name)
    expect(ok and query, ("the %s query does not load: %s"):format(name, tostring(query)))
  end
end)

check("tree-sitter highlighting: captures at positions", function()
  expect(
    vim.treesitter.highlighter.active[apollo],
    "tree-sitter highlighting is not started in apollo.pgm"
  )
  -- { file's buffer, text to find, byte offset in it, capture expected there }
  local expected = {
    { apollo, "program apollo", 0, "keyword" },
    { apollo, "program apollo", 8, "module" },
    { apollo, '"Apollo data-centre exit"', 0, "markup.heading" },
    { apollo, "owner: alice", 0, "property" },
    { apollo, "owner: alice", 7, "variable" },
    { apollo, "window: 2027-01-04", 8, "string.special" },
    { apollo, " .. ", 1, "operator" },
    { apollo, "/// The new switches", 0, "comment.documentation" },
    { apollo, "project network", 0, "keyword" },
    { apollo, "project network", 8, "type.definition" },
    { apollo, "duration: 6w", 10, "number" },
    { apollo, "progress: 40%", 10, "number" },
    { apollo, "status: done", 8, "constant.builtin" },
    { apollo, "iam +1w", 4, "number" },
    { apollo, "netwrk ss", 7, "keyword.modifier" },
    { apollo, "{", 0, "punctuation.bracket" },
    { hermes, "apollo.iam", 0, "module" },
    { hermes, "apollo.iam", 7, "variable" },
    { hermes, "\\t", 0, "string.escape" },
    { hermes, "\\u{1F680}", 0, "string.escape" },
    { hermes, '"Tabs', 0, "string" },
    { people, "/// Company-wide", 0, "comment.documentation" },
    { people, "// Alice leads", 0, "comment" },
    { people, "/* The guild", 0, "comment" },
    { people, "capacity: 4", 10, "number" },
  }
  for _, buf in ipairs({ apollo, people, hermes }) do
    -- A buffer not on screen may not have been parsed yet.
    vim.treesitter.get_parser(buf, "pgm"):parse(true)
  end
  local wrong = {}
  for _, case in ipairs(expected) do
    local buf, needle, offset, capture = unpack(case)
    local row, col = find(buf, needle, offset)
    local names = vim.tbl_map(function(c)
      return c.capture
    end, vim.treesitter.get_captures_at_pos(buf, row, col))
    if not vim.list_contains(names, capture) then
      table.insert(
        wrong,
        ("%s at %d:%d (%q+%d): expected @%s, got %s"):format(
          vim.fs.basename(vim.api.nvim_buf_get_name(buf)),
          row + 1,
          col + 1,
          needle,
          offset,
          capture,
          vim.inspect(names)
        )
      )
    end
  end
  expect(#wrong == 0, table.concat(wrong, "\n  "))
end)

check("tree-sitter folding", function()
  vim.api.nvim_set_current_buf(apollo)
  local row = find(apollo, "owner: bob")
  wait_for("a fold level of 2 inside a project", function()
    return vim.fn.foldlevel(row + 1) == 2
  end)
  expect_equal(vim.fn.foldlevel(1), 1, "fold level of the program's first line")
end)

check("tree-sitter indentation (gg=G re-indents a flattened file)", function()
  local indented = {
    "program apollo {",
    "  owner: alice",
    "",
    "  project network {",
    "    /* a block",
    "       comment */",
    "    owner: bob",
    "  }",
    "}",
    "person bob",
  }
  local buf = vim.api.nvim_create_buf(false, true)
  vim.api.nvim_set_current_buf(buf)
  vim.bo[buf].filetype = "pgm"
  vim.api.nvim_buf_set_lines(
    buf,
    0,
    -1,
    false,
    vim.tbl_map(function(line)
      return vim.trim(line)
    end, indented)
  )
  vim.cmd("silent normal! gg=G")
  local actual = lines_of(buf)
  -- A block comment's own layout is kept below its first line.
  actual[6] = indented[6]
  expect_equal(actual, indented, "re-indented text")
  -- While typing, the body is not closed yet.
  vim.api.nvim_buf_set_lines(buf, 0, -1, false, { "program apollo {", "  project network {" })
  vim.cmd("silent normal! Goowner: bob")
  expect_equal(lines_of(buf)[3], "    owner: bob", "line typed after an unclosed body")
  vim.api.nvim_buf_delete(buf, { force = true })
end)

check(":PgmSchedule shows the schedule in a split", function()
  vim.api.nvim_set_current_buf(apollo)
  local windows_before = #vim.api.nvim_tabpage_list_wins(0)
  vim.cmd("PgmSchedule")
  local schedule
  wait_for("the schedule buffer", function()
    schedule = vim.fn.bufnr("pgm://schedule")
    return schedule ~= -1 and vim.fn.bufwinid(schedule) ~= -1 and #lines_of(schedule) > 2
  end)
  expect_equal(#vim.api.nvim_tabpage_list_wins(0), windows_before + 1, "windows after :PgmSchedule")
  local text = table.concat(lines_of(schedule), "\n")
  expect(
    text:find("apollo.network  2027-01-04  2027-02-12", 1, true),
    "no apollo.network dates in:\n" .. text
  )
  expect(
    text:find("hermes.portal  2027-03-29  2027-06-07", 1, true),
    "no hermes.portal dates in:\n" .. text
  )
  vim.api.nvim_win_close(vim.fn.bufwinid(schedule), true)
end)

check("pgm lsp attaches with the workspace root", function()
  local client = client_for(apollo)
  expect_equal(vim.uv.fs_realpath(client.root_dir), vim.uv.fs_realpath(WORKSPACE), "root_dir")
  for _, buf in ipairs({ people, hermes, infra }) do
    expect_equal(client_for(buf).id, client.id, "client of " .. vim.api.nvim_buf_get_name(buf))
  end
end)

check("diagnostics: codes, positions and severities in every file", function()
  client_for(apollo)
  local expected = {
    [apollo] = {
      { "unresolved-reference", 25, 25, "ERROR" },
      { "dependency-cycle", 31, 16, "ERROR" },
      { "dependency-cycle", 37, 16, "ERROR" },
      { "unmitigated-risk", 41, 7, "WARN" },
    },
    [people] = { { "unused-definition", 9, 7, "HINT" } },
    [hermes] = {},
    [infra] = {},
  }
  wait_for("the diagnostics of apollo.pgm and people.pgm", function()
    return #diagnostics_of(apollo) >= #expected[apollo]
      and #diagnostics_of(people) >= #expected[people]
  end)
  for buf, diagnostics in pairs(expected) do
    expect_equal(
      diagnostics_of(buf),
      diagnostics,
      "diagnostics of " .. vim.fs.basename(vim.api.nvim_buf_get_name(buf))
    )
  end
  local unresolved = vim.diagnostic.get(apollo, { lnum = 25 })[1]
  expect(
    unresolved.message:find("did you mean `network`", 1, true),
    "unresolved-reference message: " .. unresolved.message
  )
  local unused = vim.diagnostic.get(people)[1]
  expect(unused._tags and unused._tags.unnecessary, "unused-definition lacks the unnecessary tag")
end)

check("settings reach the server: the exposure threshold", function()
  client_for(apollo)
  local function unmitigated()
    return #vim.diagnostic.get(apollo, { lnum = 41 })
  end
  wait_for("the unmitigated-risk diagnostic", function()
    return unmitigated() == 1
  end)
  local pgm = require("pgm")
  local options = vim.deepcopy(pgm.options)
  pgm.setup(vim.tbl_extend("force", options, { settings = { exposureThreshold = 21 } }))
  wait_for("no unmitigated-risk at threshold 21", function()
    return unmitigated() == 0
  end)
  pgm.setup(options)
  wait_for("the unmitigated-risk diagnostic back at threshold 15", function()
    return unmitigated() == 1
  end)
end)

check("hover on a reference to another file's project", function()
  local client = client_for(hermes)
  require_capability(client, "hoverProvider")
  put_cursor(hermes, "apollo.iam", 7)
  vim.lsp.buf.hover()
  local float
  wait_for("the hover window", function()
    float = floating_windows()[1]
    return float ~= nil
  end)
  local text = table.concat(lines_of(vim.api.nvim_win_get_buf(float)), "\n")
  for _, part in ipairs({ 'project apollo.iam "Identity and access"', "2027-02-15", "2027-03-26" }) do
    expect(text:find(part, 1, true), ("hover lacks %q:\n%s"):format(part, text))
  end
end)

check("go to definition across files", function()
  local client = client_for(hermes)
  require_capability(client, "definitionProvider")
  put_cursor(hermes, "apollo.iam", 7)
  vim.lsp.buf.definition()
  local target_row, target_col = find(apollo, "project iam", 8)
  wait_for("the cursor to land on `iam` in apollo.pgm", function()
    local cursor = vim.api.nvim_win_get_cursor(0)
    return vim.api.nvim_get_current_buf() == apollo
      and cursor[1] == target_row + 1
      and cursor[2] == target_col
  end)
end)

check("completion after `depends_on: ` offers projects and milestones", function()
  local client = client_for(apollo)
  require_capability(client, "completionProvider")
  put_cursor(apollo, "depends_on: iam +1w", #"depends_on: ")
  local result = request_at_cursor(client, "textDocument/completion")
  local items = result and (result.items or result) or {}
  local by_label = {}
  for _, item in ipairs(items) do
    by_label[item.label] = item
  end
  local labels = vim.tbl_keys(by_label)
  table.sort(labels)
  for _, wanted in ipairs({ "network", "iam", "audit" }) do
    expect(by_label[wanted], ("no completion %q among %s"):format(wanted, vim.inspect(labels)))
  end
  for _, unwanted in ipairs({ "alice", "backend", "owner" }) do
    expect(
      not by_label[unwanted],
      ("completion %q offered for depends_on among %s"):format(unwanted, vim.inspect(labels))
    )
  end
  expect_equal(by_label.network.detail, "Network backbone", "detail of `network`")
  expect(by_label.network.kind, "completion `network` has no kind")
end)

check("semantic tokens", function()
  local client = client_for(apollo)
  require_capability(client, "semanticTokensProvider")
  vim.api.nvim_set_current_buf(apollo)
  -- { text to find, byte offset in it, token type, its highlight group }
  local cases = {
    { "project network", 8, "project", "@function" },
    { "owner: alice", 7, "person", "@constant" },
    { "duration: 6w", 10, "duration", "@number" },
  }
  for _, case in ipairs(cases) do
    local needle, offset, token_type, group = unpack(case)
    local row, col = find(apollo, needle, offset)
    local types
    wait_for(("a semantic token at %q+%d"):format(needle, offset), function()
      types = vim.tbl_map(function(token)
        return token.type
      end, vim.lsp.semantic_tokens.get_at_pos(apollo, row, col) or {})
      return #types > 0
    end)
    expect_equal(types, { token_type }, ("token types at %q+%d"):format(needle, offset))
    local highlight = ("@lsp.type.%s.pgm"):format(token_type)
    expect_equal(vim.api.nvim_get_hl(0, { name = highlight }).link, group, highlight .. " links to")
  end
end)

check("inlay hints and code lenses", function()
  local client = client_for(apollo)
  require_capability(client, "inlayHintProvider")
  require_capability(client, "codeLensProvider")
  vim.api.nvim_set_current_buf(apollo)
  vim.lsp.inlay_hint.enable(true, { bufnr = apollo })
  local hints
  wait_for("inlay hints in apollo.pgm", function()
    hints = vim.lsp.inlay_hint.get({ bufnr = apollo })
    return #hints > 0
  end)
  local labels = vim.tbl_map(function(hint)
    local label = hint.inlay_hint.label
    return type(label) == "string" and label
      or table.concat(vim.tbl_map(function(part)
        return part.value
      end, label))
  end, hints)
  local text = table.concat(labels, "\n")
  expect(text:find("2027-02-15", 1, true), "no hint with iam's start 2027-02-15 among:\n" .. text)
  vim.lsp.codelens.refresh({ bufnr = apollo })
  wait_for("code lenses in apollo.pgm", function()
    return #vim.lsp.codelens.get(apollo) > 0
  end)
end)

check("rename across files", function()
  local client = client_for(apollo)
  require_capability(client, "renameProvider")
  put_cursor(apollo, "project iam", 8)
  vim.lsp.buf.rename("identity")
  wait_for("the rename in apollo.pgm and hermes.pgm", function()
    return has_word(hermes, "identity") and has_word(apollo, "identity")
  end)
  for _, expected in ipairs({
    { apollo, 'project identity "Identity and access"' },
    { apollo, "depends_on: identity +1w, netwrk ss" },
    { hermes, "depends_on: apollo.identity" },
  }) do
    find(expected[1], expected[2])
  end
  for _, buf in ipairs({ apollo, people, hermes, infra }) do
    expect(not has_word(buf, "iam"), "`iam` is left in " .. vim.api.nvim_buf_get_name(buf))
  end
end)

check("code action: replace an unresolved name", function()
  local client = client_for(apollo)
  require_capability(client, "codeActionProvider")
  local title = "Replace `netwrk` with `network`"
  put_cursor(apollo, "netwrk", 0)
  vim.lsp.buf.code_action({
    apply = true,
    filter = function(action)
      return action.title == title
    end,
  })
  wait_for("the edit of " .. title, function()
    return not has_word(apollo, "netwrk")
  end)
  find(apollo, "depends_on: identity +1w, network ss")
  wait_for("the unresolved-reference diagnostic to go", function()
    return #vim.tbl_filter(function(d)
      return d.code == "unresolved-reference"
    end, vim.diagnostic.get(apollo)) == 0
  end)
end)

check("formatting", function()
  local client = client_for(infra)
  require_capability(client, "documentFormattingProvider")
  vim.api.nvim_set_current_buf(infra)
  vim.lsp.buf.format({ bufnr = infra, timeout_ms = WAIT_MS })
  expect_equal(lines_of(infra), {
    'program infra "Infrastructure" {',
    "  owner: bob",
    '  project dns "DNS cut-over" {',
    "    owner: bob",
    "    duration: 2w",
    "  }",
    "}",
  }, "formatted infra.pgm")
end)

say(("%d passed, %d failed"):format(results.passed, #results.failed))
if #results.failed > 0 then
  say("failed: " .. table.concat(results.failed, "; "))
  vim.cmd("cquit 1")
else
  vim.cmd("qall!")
end
