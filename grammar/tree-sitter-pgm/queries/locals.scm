; Names: a file is a scope, and so is a program's body, whose own items
; come first when a bare name is resolved inside it.
(source_file) @local.scope

(item
  kind: "program"
  body: (body) @local.scope)

(item
  kind: "program"
  name: (identifier) @local.definition.namespace)

(item
  kind: ["person" "team"]
  name: (identifier) @local.definition.var)

(item
  kind: ["project" "milestone" "risk" "stakeholder" "benefit"]
  name: (identifier) @local.definition.type)

; In `apollo.iam` only the last segment names an item of a program; the
; first names the program.
(path
  (identifier) @local.reference .)
