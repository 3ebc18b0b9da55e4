//! Semantic tokens: every token of a file classified, names by the kind of
//! what they name, from the lexer's tokens and the model's definitions
//! and references.

use std::collections::HashMap;

use crate::base::{FileId, Span};
use crate::ide::lookup::segment_target;
use crate::model::Model;
use crate::syntax::CommentKind;
use crate::syntax::ast::ItemKind;
use crate::syntax::lexer::{self, Token, TokenKind};

macro_rules! legend {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
        pub enum $name {
            $($variant,)*
        }

        impl $name {
            /// Every value, in the order of their indices in a legend.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The name in a legend, in the protocol's camel case.
            pub fn name(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }
    };
}

legend! {
    TokenType {
        Keyword = "keyword",
        Property = "property",
        EnumMember = "enumMember",
        Date = "date",
        Duration = "duration",
        Percent = "percent",
        Number = "number",
        String = "string",
        Comment = "comment",
        Person = "person",
        Team = "team",
        Program = "program",
        Project = "project",
        Milestone = "milestone",
        Risk = "risk",
        Stakeholder = "stakeholder",
        Benefit = "benefit",
        UnresolvedReference = "unresolvedReference",
    }
}

legend! {
    TokenModifier {
        Definition = "definition",
        Declaration = "declaration",
        Documentation = "documentation",
    }
}

impl TokenType {
    /// The type of a name of a definition of `kind`.
    pub fn of_kind(kind: ItemKind) -> TokenType {
        match kind {
            ItemKind::Calendar => TokenType::Keyword,
            ItemKind::Person => TokenType::Person,
            ItemKind::Team => TokenType::Team,
            ItemKind::Program => TokenType::Program,
            ItemKind::Project => TokenType::Project,
            ItemKind::Milestone => TokenType::Milestone,
            ItemKind::Risk => TokenType::Risk,
            ItemKind::Stakeholder => TokenType::Stakeholder,
            ItemKind::Benefit => TokenType::Benefit,
        }
    }
}

/// A set of modifiers, bit `i` standing for `TokenModifier::ALL[i]`.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, Debug)]
pub struct Modifiers(pub u32);

impl Modifiers {
    pub fn with(self, modifier: TokenModifier) -> Modifiers {
        Modifiers(self.0 | 1 << modifier as u32)
    }

    pub fn contains(self, modifier: TokenModifier) -> bool {
        self.0 & (1 << modifier as u32) != 0
    }

    pub fn iter(self) -> impl Iterator<Item = TokenModifier> {
        TokenModifier::ALL
            .iter()
            .copied()
            .filter(move |&modifier| self.contains(modifier))
    }
}

/// One classified token. A block comment may span lines; clients that
/// cannot take such tokens need them cut at the line breaks.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct SemanticToken {
    pub span: Span,
    pub token_type: TokenType,
    pub modifiers: Modifiers,
}

/// The tokens of `file` in text order, without overlaps; with `range`,
/// only those that overlap it.
pub fn semantic_tokens(model: &Model, file: FileId, range: Option<Span>) -> Vec<SemanticToken> {
    let text = &model.file(file).text;
    let names = names_in_file(model, file);
    let tokens = lexer::lex(text);
    let overlaps = |span: Span| {
        range.is_none_or(|range| span.start() < range.end() && range.start() < span.end())
    };
    let mut out = Vec::new();
    for (index, token) in tokens.iter().enumerate() {
        if !overlaps(token.span) {
            continue;
        }
        let plain = Modifiers::default();
        let classified = match token.kind {
            TokenKind::Keyword(_) => Some((TokenType::Keyword, plain)),
            TokenKind::Comment(CommentKind::Doc) => {
                Some((TokenType::Comment, plain.with(TokenModifier::Documentation)))
            }
            TokenKind::Comment(_) => Some((TokenType::Comment, plain)),
            TokenKind::String { .. } => Some((TokenType::String, plain)),
            TokenKind::Date => Some((TokenType::Date, plain)),
            TokenKind::Duration => Some((TokenType::Duration, plain)),
            TokenKind::Percent => Some((TokenType::Percent, plain)),
            TokenKind::Number => Some((TokenType::Number, plain)),
            TokenKind::Ident => Some(match names.get(&token.span.start()) {
                Some(&name) => name,
                None if is_key(&tokens, index) => (TokenType::Property, plain),
                None => (TokenType::EnumMember, plain),
            }),
            _ => None,
        };
        if let Some((token_type, modifiers)) = classified {
            out.push(SemanticToken {
                span: token.span,
                token_type,
                modifiers,
            });
        }
    }
    out
}

/// Definition names and segments of written names in `file`, by start.
fn names_in_file(model: &Model, file: FileId) -> HashMap<usize, (TokenType, Modifiers)> {
    let mut names = HashMap::new();
    let defined = Modifiers::default()
        .with(TokenModifier::Definition)
        .with(TokenModifier::Declaration);
    for id in model.defs_in_file(file) {
        let def = model.def(id);
        if def.kind().is_named() {
            names.insert(
                def.name_span.start(),
                (TokenType::of_kind(def.kind()), defined),
            );
        }
    }
    for id in model.refs_in_file(file) {
        for (segment, name) in model.reference(id).segments.iter().enumerate() {
            let token_type = segment_target(model, id, segment)
                .map_or(TokenType::UnresolvedReference, |target| {
                    TokenType::of_kind(model.def(target).kind())
                });
            names.insert(name.start(), (token_type, Modifiers::default()));
        }
    }
    names
}

/// Whether the identifier at `index` is a property key: a colon follows it.
fn is_key(tokens: &[Token], index: usize) -> bool {
    tokens[index + 1..]
        .iter()
        .find(|token| !token.kind.is_comment())
        .is_some_and(|token| token.kind == TokenKind::Colon)
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::ide::fixture::Fixture;

    fn check(fixture: &str, expect: Expect) {
        let fixture = Fixture::new(fixture);
        let file = FileId(fixture.model.files.len() as u32 - 1);
        let range = fixture.selection.map(|selection| selection.span);
        let text = &fixture.model.file(file).text;
        let actual: String = semantic_tokens(&fixture.model, file, range)
            .into_iter()
            .map(|token| {
                let modifiers: Vec<&str> =
                    token.modifiers.iter().map(TokenModifier::name).collect();
                format!(
                    "{:?} {} {}{}\n",
                    token.span,
                    &text[token.span.range()],
                    token.token_type.name(),
                    match modifiers.is_empty() {
                        true => String::new(),
                        false => format!(" [{}]", modifiers.join(", ")),
                    }
                )
            })
            .collect();
        expect.assert_eq(&actual);
    }

    #[test]
    fn every_token_is_classified() {
        check(
            r#"
            //- /people.pgm
            person alice
            //- /apollo.pgm
            /// The exit.
            program apollo {
              owner: alice // the lead
              project iam {
                duration: 6w
                start: 2027-01-04
                allocate: alice 50%, nobody 2
                status: active
              }
              /* more */
              milestone launch { depends_on: iam +1w ss }
            }
            "#,
            expect![[r#"
                0..13 /// The exit. comment [documentation]
                14..21 program keyword
                22..28 apollo program [definition, declaration]
                33..38 owner property
                40..45 alice person
                46..57 // the lead comment
                60..67 project keyword
                68..71 iam project [definition, declaration]
                78..86 duration property
                88..90 6w duration
                95..100 start property
                102..112 2027-01-04 date
                117..125 allocate property
                127..132 alice person
                133..136 50% percent
                138..144 nobody unresolvedReference
                145..146 2 number
                151..157 status property
                159..165 active enumMember
                172..182 /* more */ comment
                185..194 milestone keyword
                195..201 launch milestone [definition, declaration]
                204..214 depends_on property
                216..219 iam project
                220..223 +1w duration
                224..226 ss enumMember
            "#]],
        );
    }

    #[test]
    fn qualifiers_are_programs_across_files() {
        check(
            r#"
            //- /apollo.pgm
            program apollo { project iam { duration: 1w } }
            //- /hermes.pgm
            program hermes { project portal { depends_on: apollo.iam duration: 1w } }
            "#,
            expect![[r#"
                0..7 program keyword
                8..14 hermes program [definition, declaration]
                17..24 project keyword
                25..31 portal project [definition, declaration]
                34..44 depends_on property
                46..52 apollo program
                53..56 iam project
                57..65 duration property
                67..69 1w duration
            "#]],
        );
    }

    #[test]
    fn a_range_gives_only_the_tokens_it_overlaps() {
        check(
            r#"
            program apollo {
              project iam { $0duration: 1w$0 status: done }
            }
            "#,
            expect![[r#"
                33..41 duration property
                43..45 1w duration
            "#]],
        );
    }
}
