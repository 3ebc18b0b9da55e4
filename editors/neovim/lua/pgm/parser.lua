--- Compiling the tree-sitter parser of .pgm, committed as C in the pgm
--- repository, into a `parser/pgm.so` that Neovim loads from 'runtimepath'.
local M = {}

--- This plugin's folder: editors/neovim in the pgm repository.
local function plugin_root()
  local this_file = debug.getinfo(1, "S").source:sub(2)
  return vim.fs.normalize(vim.fn.fnamemodify(this_file, ":p:h:h:h"))
end

--- The command that compiles the parser in `source` (the grammar's src/)
--- into `output`.
---@param source string
---@param output string
---@return string[]
function M.compile_command(source, output)
  local cc = vim.env.CC
  if cc == nil or cc == "" then
    cc = "cc"
  end
  return { cc, "-shared", "-fPIC", "-O2", "-I", source, source .. "/parser.c", "-o", output }
end

--- Compiles the parser. `opts.source` defaults to the grammar beside this
--- plugin in the repository, `opts.output` to this plugin's parser/pgm.so.
--- Returns true on success; on failure, false and what went wrong.
---@param opts? { source?: string, output?: string }
---@return boolean ok
---@return string? problem
function M.build(opts)
  opts = opts or {}
  local root = plugin_root()
  local source = opts.source
    or vim.fs.joinpath(root, "..", "..", "grammar", "tree-sitter-pgm", "src")
  local output = opts.output or vim.fs.joinpath(root, "parser", "pgm.so")
  local problem
  if vim.fn.filereadable(source .. "/parser.c") == 0 then
    problem = ("no parser.c in %s: build from a clone of the pgm repository"):format(source)
  else
    vim.fn.mkdir(vim.fs.dirname(output), "p")
    local cmd = M.compile_command(source, output)
    local ok, result = pcall(function()
      return vim.system(cmd, { text = true }):wait()
    end)
    if not ok then
      problem = ("cannot run %s: %s"):format(cmd[1], result)
    elseif result.code ~= 0 then
      problem = ("`%s` failed:\n%s"):format(table.concat(cmd, " "), result.stderr)
    end
  end
  if problem then
    vim.notify("pgm: " .. problem, vim.log.levels.ERROR)
    return false, problem
  end
  vim.notify("pgm: compiled the tree-sitter parser into " .. output, vim.log.levels.INFO)
  return true
end

return M
