-- The configuration of `pgm lsp` for Neovim's built-in client, read by
-- `vim.lsp.config("pgm")`; `require("pgm").setup()` layers its options on it.
---@type vim.lsp.Config
return {
  cmd = { "pgm", "lsp" },
  filetypes = { "pgm" },
  root_markers = { "pgm.toml", ".git" },
  capabilities = {
    textDocument = {
      -- Not offering to pull diagnostics makes the server push them for
      -- every file of the workspace: Neovim 0.11 pulls only for buffers on
      -- screen, and only once they change, so the others would show none.
      diagnostic = vim.NIL,
    },
  },
}
