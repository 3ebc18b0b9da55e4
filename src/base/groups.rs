//! Items grouped by a small integer key (a definition's index) as one flat
//! list, so that a graph or an index over a large plan is a few allocations
//! read in order rather than one small vector per key.

#[derive(Clone, Debug)]
pub struct Groups<T> {
    /// Group `i` is `items[starts[i]..starts[i + 1]]`.
    starts: Vec<u32>,
    items: Vec<T>,
}

impl<T> Default for Groups<T> {
    fn default() -> Groups<T> {
        Groups {
            starts: Vec::new(),
            items: Vec::new(),
        }
    }
}

impl<T: Copy> Groups<T> {
    /// `items` grouped by `key`, each group in the order of `items`; items
    /// without a key, or with one of `count` or more, are left out.
    pub fn new(count: usize, items: &[T], key: impl Fn(&T) -> Option<usize>) -> Groups<T> {
        let group = |item: &T| key(item).filter(|&index| index < count);
        let mut starts = vec![0u32; count + 1];
        for index in items.iter().filter_map(group) {
            starts[index + 1] += 1;
        }
        for index in 1..starts.len() {
            starts[index] += starts[index - 1];
        }
        let mut next = starts.clone();
        // Any item will do as what each slot holds before its own goes in;
        // copies of one spare reading every item's key a third time.
        let mut grouped = match items.first() {
            Some(&any) => vec![any; starts[count] as usize],
            None => Vec::new(),
        };
        for item in items {
            if let Some(index) = group(item) {
                grouped[next[index] as usize] = *item;
                next[index] += 1;
            }
        }
        Groups {
            starts,
            items: grouped,
        }
    }

    /// The items of group `index`; none beyond the groups there are.
    pub fn of(&self, index: usize) -> &[T] {
        match (self.starts.get(index), self.starts.get(index + 1)) {
            (Some(&start), Some(&end)) => &self.items[start as usize..end as usize],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_group_keeps_the_order_of_its_items_and_strays_are_left_out() {
        let items = [(2, 'a'), (0, 'b'), (2, 'c'), (7, 'd'), (0, 'e'), (9, 'f')];
        let groups = Groups::new(3, &items, |&(key, _)| (key != 9).then_some(key));
        let letters = |index| -> String { groups.of(index).iter().map(|&(_, c)| c).collect() };
        assert_eq!(
            [letters(0), letters(1), letters(2), letters(7)],
            ["be", "", "ac", ""]
        );
    }
}
