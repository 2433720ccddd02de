//! Small counts are not published: a count of 1 to 4 people is shown « < 5 », and so
//! that a total does not give it away, one more cell of its group is hidden (secondary
//! suppression: the smallest other one). Zero reveals no one and is shown.

/// Under this many, a count is not shown.
pub const THRESHOLD: i64 = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Shown(i64),
    Hidden,
}

/// One count on its own (no total next to it).
pub fn single(n: i64) -> Cell {
    if (1..THRESHOLD).contains(&n) {
        Cell::Hidden
    } else {
        Cell::Shown(n)
    }
}

/// A group of counts and their total: primary then secondary suppression.
pub fn group(counts: &[i64], total: i64) -> (Vec<Cell>, Cell) {
    let total_cell = single(total);
    let mut cells: Vec<Cell> = counts.iter().map(|&n| single(n)).collect();
    let hidden = cells.iter().filter(|c| **c == Cell::Hidden).count();
    if hidden == 1 && total_cell != Cell::Hidden {
        // The smallest cell still shown (zeros included: hiding one keeps the total
        // from telling the hidden count).
        let other = counts
            .iter()
            .enumerate()
            .filter(|(i, _)| cells[*i] != Cell::Hidden)
            .min_by_key(|(_, n)| **n)
            .map(|(i, _)| i);
        match other {
            Some(i) => cells[i] = Cell::Hidden,
            // A group of one: the total would tell it.
            None => return (cells, Cell::Hidden),
        }
    }
    (cells, total_cell)
}

#[cfg(test)]
mod tests {
    use super::*;
    use Cell::*;

    #[test]
    fn small_counts_hide_and_one_more_hides_with_them() {
        assert_eq!(single(4), Hidden);
        assert_eq!(single(0), Shown(0));
        assert_eq!(single(5), Shown(5));
        // One small cell: the smallest other one goes too, the total stays.
        let (cells, total) = group(&[12, 3, 7, 30], 52);
        assert_eq!(cells, [Shown(12), Hidden, Hidden, Shown(30)]);
        assert_eq!(total, Shown(52));
        // Two small cells already protect each other.
        let (cells, _) = group(&[12, 3, 2, 30], 47);
        assert_eq!(cells, [Shown(12), Hidden, Hidden, Shown(30)]);
        // Nothing small: everything shows.
        let (cells, _) = group(&[12, 0, 30], 42);
        assert_eq!(cells, [Shown(12), Shown(0), Shown(30)]);
        // A zero next to a single small cell is hidden too (it would tell the rest).
        let (cells, _) = group(&[12, 3, 0], 15);
        assert_eq!(cells, [Shown(12), Hidden, Hidden]);
        // A group of one small cell hides its total.
        assert_eq!(group(&[3], 3), (vec![Hidden], Hidden));
        // A small total hides with its cells.
        assert_eq!(group(&[2, 1], 3), (vec![Hidden, Hidden], Hidden));
    }

    #[test]
    fn no_shown_total_minus_shown_cells_is_a_small_count() {
        // Every group of up to four cells of 0..=12: whenever one hidden cell could be
        // recovered as total minus the shown cells, it is not a small count.
        for a in 0..=12 {
            for b in 0..=12 {
                for c in 0..=12 {
                    let counts = [a, b, c];
                    let total = a + b + c;
                    let (cells, t) = group(&counts, total);
                    let hidden: Vec<usize> = (0..3).filter(|i| cells[*i] == Hidden).collect();
                    if let (Shown(t), [only]) = (t, hidden.as_slice()) {
                        let rest: i64 = (0..3).filter(|i| i != only).map(|i| counts[i]).sum();
                        assert!(!(1..THRESHOLD).contains(&(t - rest)), "{counts:?}");
                    }
                }
            }
        }
    }
}
