//! Fewer points for the same drawing: a line of 365 days on a plot a few hundred pixels wide
//! reaches the canvas as integer pixel coordinates, many of them on the same pixel column or
//! on one straight run (a flat stretch of zeros, a level that does not move). [`thin_path`]
//! drops the points that cannot change what is drawn, so the canvas gets fewer `lineTo` calls
//! (BENCHMARKS.md "Where the time of a move goes").
//!
//! The rule, exact on the pixel grid: a point that lies on the straight segment between its
//! neighbours, strictly between them, is dropped (and so is a repeat of the point before): the
//! segment covers it. So a flat or straight stretch keeps its two ends, and on a pixel column
//! a run that goes one way keeps its first and last point. No point is added or moved, the
//! first and the last stay, and a filled outline keeps its area. (Keeping only each column's
//! first, lowest, highest and last point would also thin zigzags within a column, which only
//! a plot narrower than half its days has; it was left out for the bundle's size.)

/// A point in backend pixels.
pub type Px = (i32, i32);

/// The points of `path` that change what a stroke (or a fill) of it covers, in order.
pub fn thin_path(path: &[Px]) -> Vec<Px> {
    let mut out: Vec<Px> = Vec::with_capacity(path.len());
    for &p in path {
        push(&mut out, p);
    }
    out
}

/// Appends `c`, first dropping the points it makes redundant.
fn push(out: &mut Vec<Px>, c: Px) {
    if out.last() == Some(&c) {
        return;
    }
    while out.len() >= 2 {
        let (a, b) = (out[out.len() - 2], out[out.len() - 1]);
        if between(a, b, c) {
            out.pop();
        } else {
            break;
        }
    }
    out.push(c);
}

/// Whether `b` lies on the segment from `a` to `c`, strictly between them (so a path that turns
/// back at `b` keeps it).
fn between(a: Px, b: Px, c: Px) -> bool {
    let (ux, uy) = (
        i64::from(b.0) - i64::from(a.0),
        i64::from(b.1) - i64::from(a.1),
    );
    let (vx, vy) = (
        i64::from(c.0) - i64::from(b.0),
        i64::from(c.1) - i64::from(b.1),
    );
    ux * vy == uy * vx && ux * vx + uy * vy > 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What a polyline covers on each integer column: the merged y intervals of its segments
    /// there (a vertical segment gives its whole span).
    fn cover(path: &[Px]) -> Vec<(i32, Vec<(f64, f64)>)> {
        let (Some(x0), Some(x1)) = (
            path.iter().map(|p| p.0).min(),
            path.iter().map(|p| p.0).max(),
        ) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for x in x0..=x1 {
            let mut spans: Vec<(f64, f64)> = Vec::new();
            if path.len() == 1 && path[0].0 == x {
                spans.push((path[0].1 as f64, path[0].1 as f64));
            }
            for w in path.windows(2) {
                let (a, b) = (w[0], w[1]);
                if x < a.0.min(b.0) || x > a.0.max(b.0) {
                    continue;
                }
                let (ya, yb) = (a.1 as f64, b.1 as f64);
                if a.0 == b.0 {
                    spans.push((ya.min(yb), ya.max(yb)));
                } else {
                    let y = ya + (yb - ya) * f64::from(x - a.0) / f64::from(b.0 - a.0);
                    spans.push((y, y));
                }
            }
            spans.sort_by(|p, q| p.partial_cmp(q).unwrap());
            let mut merged: Vec<(f64, f64)> = Vec::new();
            for s in spans {
                match merged.last_mut() {
                    Some(m) if s.0 <= m.1 + 1e-9 => m.1 = m.1.max(s.1),
                    _ => merged.push(s),
                }
            }
            out.push((x, merged));
        }
        out
    }

    fn same_cover(a: &[Px], b: &[Px]) -> bool {
        let (ca, cb) = (cover(a), cover(b));
        ca.len() == cb.len()
            && ca.iter().zip(&cb).all(|((xa, sa), (xb, sb))| {
                xa == xb
                    && sa.len() == sb.len()
                    && sa
                        .iter()
                        .zip(sb)
                        .all(|(p, q)| (p.0 - q.0).abs() < 1e-6 && (p.1 - q.1).abs() < 1e-6)
            })
    }

    /// Whether `sub` is `full` with some points left out.
    fn is_subsequence(sub: &[Px], full: &[Px]) -> bool {
        let mut it = full.iter();
        sub.iter().all(|p| it.any(|q| q == p))
    }

    /// A daily series on a plot `width` pixels wide (days spread over the columns, y rounded
    /// to pixels), as plotters hands it to the backend.
    fn series_on(values: &[f64], width: i32, height: f64) -> Vec<Px> {
        let n = values.len().max(2) - 1;
        values
            .iter()
            .enumerate()
            .map(|(d, v)| {
                (
                    (d as f64 * f64::from(width) / n as f64).round() as i32,
                    (height - v).round() as i32,
                )
            })
            .collect()
    }

    #[test]
    fn a_column_keeps_its_turns_and_drops_what_lies_between() {
        // Down to 2, up to 9 past 7 and 4 (dropped: inside the stroke from 2 to 9), back to 6.
        let path = [
            (0, 5),
            (1, 7),
            (1, 2),
            (1, 4),
            (1, 7),
            (1, 9),
            (1, 6),
            (2, 3),
        ];
        assert_eq!(
            thin_path(&path),
            vec![(0, 5), (1, 7), (1, 2), (1, 9), (1, 6), (2, 3)]
        );
        assert!(same_cover(&path, &thin_path(&path)));
    }

    #[test]
    fn straight_runs_keep_their_ends_and_turns() {
        // A flat stretch of zeros, a ramp, then a turn back along the same line.
        let path = [
            (0, 10),
            (1, 10),
            (2, 10),
            (3, 10),
            (4, 8),
            (5, 6),
            (6, 4),
            (5, 6),
        ];
        assert_eq!(thin_path(&path), vec![(0, 10), (3, 10), (6, 4), (5, 6)]);
        assert_eq!(thin_path(&[(3, 3), (3, 3), (3, 3)]), vec![(3, 3)]);
        assert_eq!(thin_path(&[]), Vec::<Px>::new());
    }

    #[test]
    fn a_year_on_a_narrow_plot_needs_far_fewer_points() {
        // An epidemic wave: zero, a peak in spring, zero again; 365 days on 300 pixels.
        let values: Vec<f64> = (0..365)
            .map(|d| {
                let t = (d as f64 - 100.0) / 15.0;
                (200.0 * (-t * t).exp()).round()
            })
            .collect();
        let path = series_on(&values, 300, 250.0);
        let thin = thin_path(&path);
        assert!(
            thin.len() * 3 < path.len(),
            "{} of {}",
            thin.len(),
            path.len()
        );
        assert!(same_cover(&path, &thin));
        assert_eq!(thin.first(), path.first());
        assert_eq!(thin.last(), path.last());
    }

    proptest! {
        #[test]
        fn thinning_draws_the_same_pixels(
            values in proptest::collection::vec(0.0f64..60.0, 1..200),
            width in 5i32..400,
        ) {
            let path = series_on(&values, width, 60.0);
            let thin = thin_path(&path);
            // No point added or moved, the ends kept, the same span on every column.
            prop_assert!(is_subsequence(&thin, &path));
            prop_assert_eq!(thin.first(), path.first());
            prop_assert_eq!(thin.last(), path.last());
            prop_assert!(same_cover(&path, &thin));
            // Every column's lowest and highest point is still reached.
            for x in path.iter().map(|p| p.0) {
                let ys = |p: &[Px]| {
                    let c = cover(p);
                    let spans = &c.iter().find(|(cx, _)| *cx == x).unwrap().1;
                    (spans.first().unwrap().0, spans.last().unwrap().1)
                };
                let lo = path.iter().filter(|p| p.0 == x).map(|p| p.1).min().unwrap() as f64;
                let hi = path.iter().filter(|p| p.0 == x).map(|p| p.1).max().unwrap() as f64;
                let (tlo, thi) = ys(&thin);
                prop_assert!(tlo <= lo + 1e-9 && thi >= hi - 1e-9);
            }
        }

        #[test]
        fn any_path_keeps_its_cover(
            path in proptest::collection::vec((0i32..12, 0i32..12), 1..40),
        ) {
            let thin = thin_path(&path);
            prop_assert!(is_subsequence(&thin, &path));
            prop_assert_eq!(thin.first(), path.first());
            prop_assert_eq!(thin.last(), path.last());
            prop_assert!(same_cover(&path, &thin));
        }
    }
}
