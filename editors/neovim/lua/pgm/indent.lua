--- Indentation from the tree-sitter tree, as the `indents` query says: one
--- 'shiftwidth' for each `@indent.begin` node that holds a line and opened
--- on an earlier line, except the one a line's `@indent.branch` (its
--- closing brace) ends.
local M = {}

--- The capture names of the nodes that touch `row`, by node id.
---@return table<integer, string>
local function captures_on_row(query, root, buf, row)
  local names = {}
  for id, node in query:iter_captures(root, buf, row, row + 1) do
    names[node:id()] = query.captures[id]
  end
  return names
end

--- Whether the node starts before the point (`row`, `col`).
local function starts_before(node, row, col)
  local start_row, start_col = node:start()
  return start_row < row or (start_row == row and start_col < col)
end

--- The braces an ERROR node left open before the point: a body the parser
--- could not close (one still being typed) has no `@indent.begin` node.
local function open_braces(error_node, row, col)
  local open = 0
  for child in error_node:iter_children() do
    if starts_before(child, row, col) then
      if child:type() == "{" then
        open = open + 1
      elseif child:type() == "}" then
        open = math.max(open - 1, 0)
      end
    end
  end
  return open
end

--- The indent levels of line `row`, where `node` is the node at the point
--- (`at_row`, `at_col`): the line's first character or, for a blank line,
--- just after the last character of the line before.
local function levels(node, names, row, at_row, at_col)
  local count = 0
  local child = nil
  local parent = node:parent()
  if node:type() == "}" and parent and parent:type() == "ERROR" then
    count = -1
  end
  while node do
    local opened_before = node:start() < row
    local closed_by_child = child ~= nil and names[child:id()] == "indent.branch"
    if names[node:id()] == "indent.begin" and opened_before and not closed_by_child then
      count = count + 1
    elseif node:type() == "ERROR" then
      count = count + open_braces(node, at_row, at_col)
    end
    child = node
    node = node:parent()
  end
  return math.max(count, 0)
end

--- The indent of line `lnum` (1-based; 'indentexpr' passes none and
--- `v:lnum` is used), or -1 to keep the current one where there is no
--- parser or no query.
---@param lnum? integer
---@return integer
function M.get(lnum)
  lnum = lnum or vim.v.lnum
  local buf = vim.api.nvim_get_current_buf()
  local parser = vim.treesitter.get_parser(buf, "pgm", { error = false })
  local query = vim.treesitter.query.get("pgm", "indents")
  if not parser or not query then
    return -1
  end
  local root = parser:parse()[1]:root()
  local row = lnum - 1
  local line = vim.api.nvim_buf_get_lines(buf, row, row + 1, false)[1] or ""
  local first = line:find("%S")
  if first then
    local node = root:descendant_for_range(row, first - 1, row, first - 1)
    local names = captures_on_row(query, root, buf, row)
    return levels(node, names, row, row, first - 1) * vim.fn.shiftwidth()
  end
  -- A blank line goes on from the last line with text: it is inside what
  -- that line's last character is inside.
  local previous = vim.fn.prevnonblank(lnum - 1)
  if previous == 0 then
    return 0
  end
  local text = vim.api.nvim_buf_get_lines(buf, previous - 1, previous, false)[1]
  local last = #(text:gsub("%s+$", "")) - 1
  local node = root:descendant_for_range(previous - 1, last, previous - 1, last)
  local names = captures_on_row(query, root, buf, previous - 1)
  return levels(node, names, row, previous - 1, last + 1) * vim.fn.shiftwidth()
end

return M
