; An item folds from its keyword to its closing brace; a block comment folds too.
(item
  body: (body)) @fold

(block_comment) @fold
