//! `textDocument/semanticTokens/full` and `/range`: the classified tokens
//! of `crate::ide`, delta-encoded in the negotiated position encoding.

use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    self as lsp, SemanticTokenModifier, SemanticTokenType, SemanticTokens,
    SemanticTokensFullOptions, SemanticTokensLegend, SemanticTokensOptions, SemanticTokensParams,
    SemanticTokensRangeParams, SemanticTokensRangeResult, SemanticTokensResult,
    SemanticTokensServerCapabilities,
};

use crate::base::{FileId, Span};
use crate::ide::{self, TokenModifier, TokenType};
use crate::lsp::convert::span;
use crate::lsp::server::Server;
use crate::lsp::snapshot::Snapshot;

pub(crate) fn options() -> SemanticTokensServerCapabilities {
    SemanticTokensServerCapabilities::SemanticTokensOptions(SemanticTokensOptions {
        legend: legend(),
        range: Some(true),
        full: Some(SemanticTokensFullOptions::Bool(true)),
        ..SemanticTokensOptions::default()
    })
}

/// The token types and modifiers, in the order of the indices the tokens use.
fn legend() -> SemanticTokensLegend {
    SemanticTokensLegend {
        token_types: TokenType::ALL
            .iter()
            .map(|token_type| SemanticTokenType::new(token_type.name()))
            .collect(),
        token_modifiers: TokenModifier::ALL
            .iter()
            .map(|modifier| SemanticTokenModifier::new(modifier.name()))
            .collect(),
    }
}

pub(crate) async fn full(
    server: &Server,
    params: SemanticTokensParams,
) -> Result<Option<SemanticTokensResult>> {
    let multiline = server.support().features.multiline_tokens;
    server
        .on_document(
            "textDocument/semanticTokens/full",
            &params.text_document.uri,
            move |snapshot, file| {
                let tokens = encode(snapshot, file, None, multiline);
                Some(SemanticTokensResult::Tokens(tokens))
            },
        )
        .await
}

pub(crate) async fn range(
    server: &Server,
    params: SemanticTokensRangeParams,
) -> Result<Option<SemanticTokensRangeResult>> {
    let multiline = server.support().features.multiline_tokens;
    let range = params.range;
    server
        .on_document(
            "textDocument/semanticTokens/range",
            &params.text_document.uri,
            move |snapshot, file| {
                let tokens = encode(snapshot, file, Some(span(snapshot, file, range)), multiline);
                Some(SemanticTokensRangeResult::Tokens(tokens))
            },
        )
        .await
}

/// Each token as (line, start, length) relative to the token before it.
/// A token that spans lines is cut at its line breaks unless the client
/// takes `multiline` tokens.
fn encode(
    snapshot: &Snapshot,
    file: FileId,
    range: Option<Span>,
    multiline: bool,
) -> SemanticTokens {
    let mut data = Vec::new();
    let mut previous = lsp::Position::new(0, 0);
    for token in ide::semantic_tokens(&snapshot.model, file, range) {
        let lines = line_pieces(snapshot, file, token.span);
        let pieces: Vec<(lsp::Position, u32)> = if multiline {
            let length = lines.iter().map(|piece| piece.width(snapshot, file)).sum();
            vec![(snapshot.position(file, token.span.start()), length)]
        } else {
            lines
                .iter()
                .filter(|piece| !piece.content.is_empty())
                .map(|piece| {
                    let start = snapshot.position(file, piece.content.start());
                    (start, piece.width(snapshot, file) - piece.line_break as u32)
                })
                .collect()
        };
        for (start, length) in pieces {
            let delta_line = start.line - previous.line;
            let delta_start = match delta_line {
                0 => start.character - previous.character,
                _ => start.character,
            };
            data.push(lsp::SemanticToken {
                delta_line,
                delta_start,
                length,
                token_type: token.token_type as u32,
                token_modifiers_bitset: token.modifiers.0,
            });
            previous = start;
        }
    }
    SemanticTokens {
        result_id: None,
        data,
    }
}

/// The part of a token on one line.
struct LinePiece {
    /// Up to the line break, or the token's end.
    content: Span,
    /// The bytes of the line break after the content that the token covers.
    line_break: usize,
}

impl LinePiece {
    /// The width in the negotiated encoding, the line break included: its
    /// characters are one unit each in every encoding.
    fn width(&self, snapshot: &Snapshot, file: FileId) -> u32 {
        let start = snapshot.position(file, self.content.start());
        let end = snapshot.position(file, self.content.end());
        end.character - start.character + self.line_break as u32
    }
}

fn line_pieces(snapshot: &Snapshot, file: FileId, span: Span) -> Vec<LinePiece> {
    let parsed = snapshot.model.file(file);
    let mut pieces = Vec::new();
    let mut start = span.start();
    let mut line = snapshot.position(file, start).line;
    while let Some(next) = parsed
        .line_index()
        .line_start(line + 1)
        .filter(|&next| next <= span.end())
    {
        let line_break = if parsed.text[..next].ends_with("\r\n") {
            2
        } else {
            1
        };
        pieces.push(LinePiece {
            content: Span::new(start, next - line_break),
            line_break,
        });
        start = next;
        line += 1;
    }
    pieces.push(LinePiece {
        content: Span::new(start, span.end()),
        line_break: 0,
    });
    pieces
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;
    use std::sync::Arc;

    use expect_test::{Expect, expect};
    use tower_lsp_server::ls_types::Uri;

    use super::*;
    use crate::analysis::{self, Options};
    use crate::base::PositionEncoding;
    use crate::model::{Model, ParsedFile};

    /// The encoded tokens of `text` as (delta line, delta start, length, type).
    fn check(text: &str, encoding: PositionEncoding, multiline: bool, expect: Expect) {
        let model = Model::build(vec![Arc::new(ParsedFile::new("a.pgm", text))]);
        let analysis = analysis::analyze(&model, &Options::new(jiff::civil::date(2027, 1, 4)));
        let uri = Uri::from_str("file:///a.pgm").unwrap();
        let snapshot = Snapshot::new(
            1,
            encoding,
            Arc::new(model),
            Arc::new(analysis),
            vec![(uri, None)],
        );
        let encoded = encode(&snapshot, FileId(0), None, multiline);
        let actual: Vec<String> = encoded
            .data
            .iter()
            .map(|token| {
                let name = TokenType::ALL[token.token_type as usize].name();
                format!(
                    "{} {} {} {name}",
                    token.delta_line, token.delta_start, token.length
                )
            })
            .collect();
        expect.assert_eq(&actual.join("\n"));
    }

    const COMMENT_OVER_LINES: &str = "/* é\r\n😀 */ person p\n";

    #[test]
    fn a_token_over_lines_is_cut_at_each_line_break() {
        check(
            COMMENT_OVER_LINES,
            PositionEncoding::Utf16,
            false,
            expect![[r#"
                0 0 4 comment
                1 0 5 comment
                0 6 6 keyword
                0 7 1 person"#]],
        );
    }

    #[test]
    fn a_client_that_takes_tokens_over_lines_gets_them_whole() {
        // 4 units on the first line, 2 for its `\r\n`, 5 on the second.
        check(
            COMMENT_OVER_LINES,
            PositionEncoding::Utf16,
            true,
            expect![[r#"
                0 0 11 comment
                1 6 6 keyword
                0 7 1 person"#]],
        );
        check(
            COMMENT_OVER_LINES,
            PositionEncoding::Utf8,
            true,
            expect![[r#"
                0 0 14 comment
                1 8 6 keyword
                0 7 1 person"#]],
        );
    }
}
