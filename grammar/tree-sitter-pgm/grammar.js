/**
 * Tree-sitter grammar of the .pgm language.
 *
 * grammar/pgm.ebnf is the normative grammar; this one follows it for
 * highlighting, folding and indentation in editors, and is more lenient in
 * one way: any item may hold any other in its body, because placement is a
 * rule the checker reports on, not one an editor needs to colour text.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

const KEYWORDS = [
  'calendar',
  'person',
  'team',
  'program',
  'project',
  'milestone',
  'risk',
  'stakeholder',
  'benefit',
];

module.exports = grammar({
  name: 'pgm',

  extras: $ => [/[ \t\r\n\f\uFEFF]/, $.doc_comment, $.line_comment, $.block_comment],

  word: $ => $.identifier,

  // The keywords are reserved everywhere, as in the language: `owner:
  // program` is an error, not a reference to something called `program`.
  reserved: {
    global: _ => KEYWORDS,
  },

  conflicts: $ => [
    // `project p` followed by `q: 1` inside a body: `p` is the name and `q`
    // the next property's key. Only the token after the identifier (":" or
    // not) tells a name or a path atom from a key.
    [$.item],
    [$.value],
  ],

  rules: {
    source_file: $ => repeat($.item),

    item: $ => seq(
      field('kind', choice(...KEYWORDS)),
      optional(field('name', $.identifier)),
      optional(field('title', $.string)),
      optional(field('body', $.body)),
    ),

    body: $ => seq('{', repeat(choice($.property, $.item)), '}'),

    property: $ => seq(
      field('key', $.identifier),
      ':',
      field('value', $.value),
      repeat(seq(',', field('value', $.value))),
    ),

    // One entry of a property: `iam +1w ss`, `backend 2`, `2027-12-24 .. 2027-12-31`.
    value: $ => repeat1(choice($.range, $._range_bound)),

    range: $ => seq(field('start', $._range_bound), '..', field('end', $._range_bound)),

    _range_bound: $ => choice(
      $.path,
      $.string,
      $.date,
      $.duration,
      $.percent,
      $.number,
      $.invalid_number,
    ),

    // `network`, or across programs `apollo.iam`.
    path: $ => seq($.identifier, repeat(seq('.', $.identifier))),

    string: $ => seq(
      '"',
      repeat(choice($.string_content, $.escape_sequence)),
      '"',
    ),

    // Above the comments, so that `"// not a comment"` stays a string.
    string_content: _ => token.immediate(prec(1, /[^"\\\r\n]+/)),

    escape_sequence: _ => token.immediate(seq('\\', choice(/["\\ntr]/, /u\{[0-9A-Fa-f]+\}/))),

    // The numeric tokens come before invalid_number: on a tie in length the
    // earlier rule wins, so `30d` is a duration and `30days` an invalid number.
    date: _ => /[0-9]+-[0-9]+-[0-9]+/,

    // Signed, it is a lag or a lead: `+1w`, `-2d`.
    duration: _ => /[+-]?[0-9]+[dw]/,

    percent: _ => /[0-9]+(\.[0-9]+)?%/,

    number: _ => /[0-9]+(\.[0-9]+)?/,

    // Digits glued to word characters (`30days`, `1.5w`) or a sign before
    // anything but a duration (`+5`): no token of the language, kept as one
    // node so that the rest of the entry still reads normally.
    invalid_number: _ => /[+-]?[0-9][0-9A-Za-z_]*(\.[0-9A-Za-z_]+)*%?/,

    identifier: _ => /[A-Za-z_][A-Za-z0-9_]*/,

    // Exactly three slashes; `////` starts a plain comment.
    doc_comment: _ => token(seq('///', optional(seq(/[^/\r\n]/, /[^\r\n]*/)))),

    line_comment: _ => token(choice(
      seq('//', optional(seq(/[^/\r\n]/, /[^\r\n]*/))),
      seq('////', /[^\r\n]*/),
    )),

    // Block comments do not nest: the first `*/` ends one.
    block_comment: _ => token(seq('/*', /[^*]*\*+([^/*][^*]*\*+)*/, '/')),
  },
});
