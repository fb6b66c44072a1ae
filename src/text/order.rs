//! A stable sort by a `usize` key through the one unstable sort of
//! `(usize, usize)` pairs the crate has anyway: each stable sort of its own
//! type costs the page's first load a copy of the sort code (about 1.5 KB).

/// Sorts `items` by `key`, keeping the order of equal keys.
pub fn sort_by_key<T>(items: &mut Vec<T>, key: impl Fn(&T) -> usize) {
    let mut order: Vec<(usize, usize)> = items.iter().enumerate().map(|(i, t)| (key(t), i)).collect();
    order.sort_unstable();
    let mut taken: Vec<Option<T>> = std::mem::take(items).into_iter().map(Some).collect();
    items.extend(order.iter().filter_map(|&(_, i)| taken[i].take()));
}

#[cfg(test)]
mod tests {
    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')];
        super::sort_by_key(&mut v, |&(k, _)| k);
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (3, 'a'), (3, 'c')]);
    }
}
