if vim.g.loaded_pgm then
  return
end
vim.g.loaded_pgm = true

require("pgm").register()
