; Indentation: one level inside each body, none for its closing brace.
; The capture names are those nvim-treesitter's indent module reads; the
; Neovim plugin's indentexpr reads the same two.
(body) @indent.begin

(body
  "}" @indent.branch)
