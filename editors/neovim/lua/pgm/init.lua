--- pgm for Neovim: the `pgm` filetype, the `pgm lsp` language server through
--- the built-in client, tree-sitter highlighting, folding and indentation,
--- and `:PgmSchedule`. See `:help pgm`.
local M = {}

---@class pgm.Options
---@field cmd? string[]|string The server command, or the path of the `pgm` binary; lsp/pgm.lua's by default.
---@field settings? table Settings sent to the server under `pgm` (`today`, `exposureThreshold`).
---@field treesitter? boolean Highlight, fold and indent with tree-sitter where the parser is installed.

---@type pgm.Options
local defaults = {
  settings = {},
  treesitter = true,
}

--- The options in force: the defaults until `setup` is called.
---@type pgm.Options
M.options = vim.deepcopy(defaults)

--- The `cmd` option as a command line: a bare path means `PATH lsp`.
---@param cmd? string[]|string
---@return string[]?
local function server_command(cmd)
  if type(cmd) == "string" then
    return { cmd, "lsp" }
  end
  return cmd
end

--- A `pgm` command line for `subcommand`, run the way the server is: the
--- server's command with its final `lsp` replaced, so that a wrapper such
--- as `{ "nix", "run", ".#pgm", "--", "lsp" }` works too.
---@param subcommand string
---@return string[]
function M.pgm_cmd(subcommand)
  local server = vim.lsp.config.pgm.cmd
  if type(server) ~= "table" then
    return { "pgm", subcommand }
  end
  local cmd = vim.deepcopy(server)
  if cmd[#cmd] == "lsp" then
    cmd[#cmd] = subcommand
  else
    table.insert(cmd, subcommand)
  end
  return cmd
end

--- Sends changed settings to the servers already running.
local function notify_running_servers(settings)
  for _, client in ipairs(vim.lsp.get_clients({ name = "pgm" })) do
    client.settings = { pgm = settings }
    client:notify("workspace/didChangeConfiguration", { settings = client.settings })
  end
end

--- Defines `:PgmSchedule` and `:PgmBuildParser` and the colours of the
--- server's semantic tokens (again after each `:colorscheme`). plugin/pgm.lua
--- calls it at start-up; `setup` again, for a plugin put on 'runtimepath'
--- after start-up.
function M.register()
  local highlights = require("pgm.highlights")
  highlights.link()
  vim.api.nvim_create_autocmd("ColorScheme", {
    group = vim.api.nvim_create_augroup("pgm_highlights", { clear = true }),
    callback = highlights.link,
  })
  vim.api.nvim_create_user_command("PgmSchedule", function()
    require("pgm.schedule").show()
  end, { desc = "Show `pgm schedule` for the workspace in a split" })
  vim.api.nvim_create_user_command("PgmBuildParser", function()
    require("pgm.parser").build()
  end, { desc = "Compile the tree-sitter parser of .pgm into this plugin's parser/ folder" })
end

---@param opts? pgm.Options
function M.setup(opts)
  M.options = vim.tbl_deep_extend("force", vim.deepcopy(defaults), opts or {})
  local settings = M.options.settings

  vim.filetype.add({ extension = { pgm = "pgm" } })
  vim.treesitter.language.register("pgm", "pgm")

  -- The rest of the configuration (filetypes, root markers) is the
  -- plugin's lsp/pgm.lua, which Neovim merges under this.
  vim.lsp.config("pgm", {
    cmd = server_command(M.options.cmd),
    init_options = { pgm = settings },
    settings = { pgm = settings },
  })
  vim.lsp.enable("pgm")
  notify_running_servers(settings)
  M.register()
end

return M
