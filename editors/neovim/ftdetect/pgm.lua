vim.filetype.add({ extension = { pgm = "pgm" } })
