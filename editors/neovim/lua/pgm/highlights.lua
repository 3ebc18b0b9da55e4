--- Colours for the server's own semantic token types, which no colour
--- scheme knows: each is linked to the standard group the tree-sitter
--- highlights use for the same text. Links are defaults, so a colour scheme
--- or the user may set `@lsp.type.project.pgm` and the like themselves.
local M = {}

local LINKS = {
  ["@lsp.type.program.pgm"] = "@module",
  ["@lsp.type.project.pgm"] = "@function",
  ["@lsp.type.milestone.pgm"] = "@function",
  ["@lsp.type.person.pgm"] = "@constant",
  ["@lsp.type.team.pgm"] = "@constant",
  ["@lsp.type.risk.pgm"] = "@type",
  ["@lsp.type.stakeholder.pgm"] = "@type",
  ["@lsp.type.benefit.pgm"] = "@type",
  ["@lsp.type.date.pgm"] = "@string.special",
  ["@lsp.type.duration.pgm"] = "@number",
  ["@lsp.type.percent.pgm"] = "@number",
  ["@lsp.type.unresolvedReference.pgm"] = "@comment.error",
}

function M.link()
  for group, target in pairs(LINKS) do
    vim.api.nvim_set_hl(0, group, { link = target, default = true })
  end
end

return M
