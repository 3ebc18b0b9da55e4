//! Mapping the segments of a name, of which there are one or two but for
//! a malformed name, into a list held inline.

use smallvec::{SmallVec, smallvec};

/// `items` mapped by `f`. One or two items are placed directly: collecting
/// them through an iterator, which the longer lists still do, was half of
/// looking up every reference.
pub fn map_inline<T, U>(items: &[T], f: impl Fn(&T) -> U) -> SmallVec<[U; 2]> {
    match items {
        [only] => smallvec![f(only)],
        [first, second] => smallvec![f(first), f(second)],
        more => more.iter().map(f).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_length_maps_in_order() {
        let double = |n: &u32| n * 2;
        for length in 0..5u32 {
            let items: Vec<u32> = (1..=length).collect();
            let mapped = map_inline(&items, double);
            let expected: Vec<u32> = items.iter().map(double).collect();
            assert_eq!(mapped.as_slice(), expected.as_slice(), "length {length}");
        }
    }
}
