//! Items grouped by definition as one flat list, so that a graph over a
//! large plan is a few allocations read in order rather than one small
//! vector per definition.

use crate::model::DefId;

#[derive(Clone, Debug)]
pub struct Groups<T> {
    /// By definition index: where its items begin in `items`, plus one
    /// entry for where the last definition's items end.
    offsets: Vec<usize>,
    items: Vec<T>,
}

impl<T> Default for Groups<T> {
    fn default() -> Groups<T> {
        Groups {
            offsets: Vec::new(),
            items: Vec::new(),
        }
    }
}

impl<T: Copy> Groups<T> {
    /// `items` grouped by `key`, each group in the order of `items`; items
    /// whose key is not one of the `def_count` definitions are left out.
    pub fn new(def_count: usize, items: &[T], key: impl Fn(&T) -> DefId) -> Groups<T> {
        let group = |item: &T| Some(key(item).index()).filter(|&index| index < def_count);
        let mut offsets = vec![0; def_count + 1];
        for index in items.iter().filter_map(group) {
            offsets[index + 1] += 1;
        }
        for index in 1..offsets.len() {
            offsets[index] += offsets[index - 1];
        }
        let mut next = offsets.clone();
        // Any item will do as what each slot holds before its own goes in.
        let mut grouped = Vec::with_capacity(offsets[def_count]);
        grouped.extend(items.iter().filter(|item| group(item).is_some()));
        for item in items {
            if let Some(index) = group(item) {
                grouped[next[index]] = *item;
                next[index] += 1;
            }
        }
        Groups {
            offsets,
            items: grouped,
        }
    }

    /// The items of `def`; none for a definition beyond those grouped.
    pub fn of(&self, def: DefId) -> &[T] {
        match (
            self.offsets.get(def.index()),
            self.offsets.get(def.index() + 1),
        ) {
            (Some(&start), Some(&end)) => &self.items[start..end],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_group_keeps_the_order_of_its_items_and_strays_are_left_out() {
        let items = [(2, 'a'), (0, 'b'), (2, 'c'), (7, 'd'), (0, 'e')];
        let groups = Groups::new(3, &items, |&(def, _)| DefId(def));
        let letters = |def| -> String { groups.of(DefId(def)).iter().map(|&(_, c)| c).collect() };
        assert_eq!(
            [letters(0), letters(1), letters(2), letters(7)],
            ["be", "", "ac", ""]
        );
    }
}
