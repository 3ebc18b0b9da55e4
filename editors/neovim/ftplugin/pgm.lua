if vim.b.did_ftplugin then
  return
end
vim.b.did_ftplugin = true

vim.bo.commentstring = "// %s"
vim.bo.comments = "s1:/*,mb:*,ex:*/,:///,://"
vim.bo.shiftwidth = 2
vim.bo.softtabstop = 2
vim.bo.expandtab = true
vim.b.undo_ftplugin = "setlocal commentstring< comments< shiftwidth< softtabstop< expandtab<"

local use_treesitter = require("pgm").options.treesitter
if use_treesitter and vim.treesitter.language.add("pgm") then
  vim.treesitter.start(0, "pgm")
  vim.wo[0][0].foldmethod = "expr"
  vim.wo[0][0].foldexpr = "v:lua.vim.treesitter.foldexpr()"
  -- Folds start open; zM closes them all.
  vim.wo[0][0].foldlevel = 99
  vim.bo.indentexpr = "v:lua.require'pgm.indent'.get()"
  vim.bo.indentkeys = "0{,0},!^F,o,O"
  vim.b.undo_ftplugin = vim.b.undo_ftplugin
    .. " indentexpr< indentkeys< | setlocal foldmethod< foldexpr< foldlevel< | lua vim.treesitter.stop()"
else
  -- Without the parser, braces still indent.
  vim.bo.smartindent = true
  vim.b.undo_ftplugin = vim.b.undo_ftplugin .. " smartindent<"
end
