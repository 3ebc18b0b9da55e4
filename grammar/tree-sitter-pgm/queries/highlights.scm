; Highlighting of .pgm files, with Neovim's standard capture names.
; The patterns never capture the same node twice: Neovim lets the last
; matching pattern win and the tree-sitter CLI (and other editors) the
; first, so with no overlap every editor colours the same way.

[
  "calendar"
  "person"
  "team"
  "program"
  "project"
  "milestone"
  "risk"
  "stakeholder"
  "benefit"
] @keyword

(doc_comment) @comment.documentation

[
  (line_comment)
  (block_comment)
] @comment

; Definitions: a program's name is a namespace, every other item's a type.
(item
  kind: "program"
  name: (identifier) @module)

(item
  kind: [
    "calendar"
    "person"
    "team"
    "project"
    "milestone"
    "risk"
    "stakeholder"
    "benefit"
  ]
  name: (identifier) @type.definition)

(item
  title: (string) @markup.heading)

(property
  key: (identifier) @property)

; References. In `apollo.iam` the segments before a dot name a program.
(path
  (identifier) @module
  .
  ".")

(path
  "."
  .
  (identifier) @variable .)

; A bare name is a reference, unless it is an enumeration value or a
; dependency type (`status: done`, `iam +1w ss`).
((path
  .
  (identifier) @variable .)
  (#not-any-of? @variable
    "planned" "active" "blocked" "done" "cancelled" "open" "mitigated" "closed" "occurred" "low"
    "medium" "high" "fs" "ss" "ff" "sf"))

((path
  .
  (identifier) @constant.builtin .)
  (#any-of? @constant.builtin
    "planned" "active" "blocked" "done" "cancelled" "open" "mitigated" "closed" "occurred" "low"
    "medium" "high"))

((path
  .
  (identifier) @keyword.modifier .)
  (#any-of? @keyword.modifier "fs" "ss" "ff" "sf"))

(value
  (string) @string)

(range
  (string) @string)

(escape_sequence) @string.escape

(date) @string.special

[
  (duration)
  (percent)
  (number)
] @number

[
  "{"
  "}"
] @punctuation.bracket

[
  ":"
  ","
  "."
] @punctuation.delimiter

".." @operator
