-- The configuration the end-to-end test runs Neovim with: this plugin and
-- the freshly built parser on the runtimepath, nothing of the user's.
-- PGM_BIN names the pgm binary; PGM_PARSER_DIR a folder holding parser/pgm.so.
local plugin = vim.fs.normalize(vim.fn.fnamemodify(debug.getinfo(1, "S").source:sub(2), ":p:h:h"))

vim.opt.runtimepath:prepend(plugin)
if vim.env.PGM_PARSER_DIR then
  vim.opt.runtimepath:prepend(vim.env.PGM_PARSER_DIR)
end
vim.opt.swapfile = false
vim.opt.shadafile = "NONE"

require("pgm").setup({
  cmd = { vim.env.PGM_BIN or "pgm", "lsp" },
  settings = { exposureThreshold = 15 },
})
