//! Workspace symbols: definitions anywhere whose name or title matches a
//! query, best matches first.

use crate::ide::NavTarget;
use crate::ide::lookup::all_defs;
use crate::model::{Def, Model};

/// Enough for a picker; more would only slow the editor down.
const MAX_RESULTS: usize = 128;

/// The definitions matching `query`, ranked: an exact name, then a name
/// that starts with the query, contains it, or has its letters in order,
/// then the same against the title. Case does not matter.
pub fn workspace_symbols(model: &Model, query: &str) -> Vec<NavTarget> {
    let query = query.to_lowercase();
    let mut ranked: Vec<(u8, &Def, NavTarget)> = all_defs(model)
        .filter(|&id| model.def(id).kind().is_named())
        .filter_map(|id| {
            let def = model.def(id);
            let rank = rank(def, &query)?;
            Some((rank, def, NavTarget::new(model, id)))
        })
        .collect();
    ranked.sort_by(|(a_rank, a, _), (b_rank, b, _)| {
        (a_rank, a.name.len(), &a.qualified_name()).cmp(&(
            b_rank,
            b.name.len(),
            &b.qualified_name(),
        ))
    });
    ranked
        .into_iter()
        .take(MAX_RESULTS)
        .map(|(_, _, target)| target)
        .collect()
}

/// Lower is better; `None` when nothing matches.
fn rank(def: &Def, query: &str) -> Option<u8> {
    let name = def.name.to_lowercase();
    let qualified = def.qualified_name().to_string().to_lowercase();
    let title = def.title.as_deref().unwrap_or("").to_lowercase();
    [
        name == query,
        name.starts_with(query),
        qualified.contains(query),
        is_subsequence(query, &qualified),
        title
            .split(|ch: char| !ch.is_alphanumeric())
            .any(|word| word.starts_with(query)),
        title.contains(query),
        is_subsequence(query, &title),
    ]
    .iter()
    .position(|&matched| matched)
    .map(|position| position as u8)
}

/// Whether the characters of `query` appear in `text` in order.
fn is_subsequence(query: &str, text: &str) -> bool {
    let mut rest = text.chars();
    query.chars().all(|wanted| rest.any(|ch| ch == wanted))
}

#[cfg(test)]
mod tests {
    use expect_test::{Expect, expect};

    use super::*;
    use crate::ide::fixture::Fixture;

    fn check(query: &str, expect: Expect) {
        let fixture = Fixture::new(PLAN);
        let actual: String = workspace_symbols(&fixture.model, query)
            .into_iter()
            .map(|target| {
                format!(
                    "{} {} {:?} at {}\n",
                    target.kind.keyword(),
                    target.name,
                    target.title.unwrap_or_default(),
                    fixture.render(target.focus)
                )
            })
            .collect();
        expect.assert_eq(&actual);
    }

    const PLAN: &str = r#"
        //- /people.pgm
        person alice "Alice Chen"
        team backend "Backend guild"
        //- /apollo.pgm
        program apollo "Apollo data-centre exit" {
          project iam "Identity and access" { duration: 1w }
          project billing "Billing migration" { duration: 1w }
          milestone launch "Public launch" { depends_on: billing }
        }
        //- /hermes.pgm
        program hermes "Hermes portal" {
          project bill "Invoices" { duration: 1w }
        }
    "#;

    #[test]
    fn exact_names_come_before_prefixes_and_fuzzy_matches() {
        check(
            "bill",
            expect![[r#"
            project hermes.bill "Invoices" at /hermes.pgm 43..47 bill
            project apollo.billing "Billing migration" at /apollo.pgm 106..113 billing
        "#]],
        );
    }

    #[test]
    fn qualified_names_and_titles_match() {
        check(
            "apollo.l",
            expect![[r#"
            milestone apollo.launch "Public launch" at /apollo.pgm 163..169 launch
            project apollo.billing "Billing migration" at /apollo.pgm 106..113 billing
        "#]],
        );
        check(
            "access",
            expect![[r#"
            project apollo.iam "Identity and access" at /apollo.pgm 53..56 iam
        "#]],
        );
    }

    #[test]
    fn letters_in_order_match_fuzzily() {
        check(
            "bkd",
            expect![[r#"
            team backend "Backend guild" at /people.pgm 31..38 backend
        "#]],
        );
    }
}
