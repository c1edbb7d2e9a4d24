//! A stable insertion sort for the page's short lists (a link's edit units, a district set,
//! the saved scenarios). The standard library's sorts are fast on long slices but each
//! instantiation (element type and order) adds ≈ 3.5 KB of code to the wasm; this adds a
//! hundred bytes. Quadratic: only for lists of at most a few hundred items.

/// Sorts `v` by `less` (a strict "comes before"), keeping equal items in their order.
pub fn sort_by<T>(v: &mut [T], mut less: impl FnMut(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && less(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..60)) {
            // Sorted by the first field only: the second shows that equal keys keep their order.
            let mut ours = v.clone();
            sort_by(&mut ours, |a, b| a.0 < b.0);
            let mut std = v;
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }
    }
}
