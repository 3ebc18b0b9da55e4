//! Equality of short texts, compared in place.

/// Whether `a` and `b` are the same text. Names and keys run to a few bytes,
/// and for those the call to `memcmp` that `==` makes cost more than the
/// comparison itself.
pub fn same_text(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).all(|(x, y)| x == y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_are_the_same_when_every_byte_is() {
        assert!(same_text("", ""));
        assert!(same_text("apollo", "apollo"));
        assert!(!same_text("apollo", "apolo"));
        assert!(!same_text("apollo", "apollO"));
        assert!(!same_text("ab", "abc"));
        let long = "a_name_longer_than_any_inline_one";
        let copy: String = long.chars().collect();
        assert!(same_text(long, &copy));
        assert!(!same_text(long, "a_name_longer_than_any_inline_onE"));
    }
}
