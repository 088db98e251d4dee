//! Claim indices in, the same indices grouped out (the claims of each source, the members of each
//! block), all groups in one list: a pile's 180,000 claims in 10,000 sources would otherwise take
//! 10,000 lists, each grown by doubling, held through the whole alignment.

use std::ops::Index;

/// Lists of claim indices, numbered from 0, stored end to end. `grouped[g]` is list `g`.
pub(super) struct Grouped {
    /// Every list's indices, list 0's first.
    items: Vec<usize>,
    /// Where each list starts in `items`, and one past the end of the last.
    starts: Vec<usize>,
}

impl Grouped {
    /// The indices `0..n` in `groups` lists, index `i` in list `group_of(i)` (which is below
    /// `groups`); each list ascending. Counted first, so each list is made at its size.
    pub(super) fn by(n: usize, groups: usize, group_of: impl Fn(usize) -> usize) -> Grouped {
        let (starts, items) = counted_rows(groups, || (0..n).map(|i| (group_of(i), i)));
        Grouped { items, starts }
    }

    /// The lists given, in their order, stored end to end.
    pub(super) fn of_lists(lists: Vec<Vec<usize>>) -> Grouped {
        let mut items = Vec::with_capacity(lists.iter().map(Vec::len).sum());
        let mut starts = Vec::with_capacity(lists.len() + 1);
        starts.push(0);
        for list in lists {
            items.extend(list);
            starts.push(items.len());
        }
        Grouped { items, starts }
    }

    /// Each list, in order.
    pub(super) fn lists(&self) -> impl Iterator<Item = &[usize]> {
        self.starts.windows(2).map(|w| &self.items[w[0]..w[1]])
    }
}

/// The items `items` gives as (row, item), in `rows` rows stored end to end, each row's in the
/// order given: where each row starts (and one past the end of the last), and the items. `items`
/// is read twice, to count each row and then to fill it, so each is made at its size.
pub(super) fn counted_rows<T: Copy + Default, I: Iterator<Item = (usize, T)>>(
    rows: usize,
    items: impl Fn() -> I,
) -> (Vec<usize>, Vec<T>) {
    let mut starts = vec![0; rows + 1];
    for (row, _) in items() {
        starts[row + 1] += 1;
    }
    for r in 0..rows {
        starts[r + 1] += starts[r];
    }
    let mut next = starts[..rows].to_vec();
    let mut out = vec![T::default(); starts[rows]];
    for (row, item) in items() {
        out[next[row]] = item;
        next[row] += 1;
    }
    (starts, out)
}

impl Index<usize> for Grouped {
    type Output = [usize];

    fn index(&self, g: usize) -> &[usize] {
        &self.items[self.starts[g]..self.starts[g + 1]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indices_are_grouped_ascending() {
        let grouped = Grouped::by(6, 3, |i| [2, 0, 2, 0, 0, 2][i]);
        assert_eq!(&grouped[0], &[1, 3, 4]);
        assert!(grouped[1].is_empty());
        assert_eq!(&grouped[2], &[0, 2, 5]);
        let lists = Grouped::of_lists(vec![vec![4, 7], vec![], vec![1]]);
        assert_eq!(lists.lists().collect::<Vec<_>>(), [&[4, 7][..], &[], &[1]]);
    }
}
