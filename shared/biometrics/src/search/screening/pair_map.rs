//! The last screening stage's lookup: which placed minutiae land on a probe minutia.

use crate::search::params::{SCREEN_PAIRING_DIRECTION_ISO, SCREEN_PAIRING_DISTANCE_PX};

/// Where a placed minutia pairs with a probe minutia: a bitmap over the probe's area in cells of
/// [`PAIR_MAP_CELL_PX`], each cell a 32-bit set of direction bins (8 ISO units each). A probe
/// minutia marks the cells whose centre lies within the pairing distance of it, in the bins
/// within the direction tolerance, so a lookup is one bit test.
#[derive(Clone, Debug)]
pub(super) struct PairMap {
    x0: f32,
    y0: f32,
    columns: usize,
    rows: usize,
    cells: Vec<u32>,
}

const PAIR_MAP_CELL_PX: f32 = 4.0;

impl PairMap {
    /// `points`: x, y in the (x, -y) frame, ISO direction.
    pub(super) fn new(points: &[(f32, f32, u8)]) -> Self {
        let reach = SCREEN_PAIRING_DISTANCE_PX;
        let x0 = points.iter().map(|p| p.0).fold(f32::INFINITY, f32::min) - reach;
        let y0 = points.iter().map(|p| p.1).fold(f32::INFINITY, f32::min) - reach;
        let x1 = points.iter().map(|p| p.0).fold(f32::NEG_INFINITY, f32::max) + reach;
        let y1 = points.iter().map(|p| p.1).fold(f32::NEG_INFINITY, f32::max) + reach;
        if points.is_empty() {
            return Self {
                x0: 0.0,
                y0: 0.0,
                columns: 0,
                rows: 0,
                cells: Vec::new(),
            };
        }
        let columns = ((x1 - x0) / PAIR_MAP_CELL_PX) as usize + 1;
        let rows = ((y1 - y0) / PAIR_MAP_CELL_PX) as usize + 1;
        let mut cells = vec![0u32; columns * rows];
        for &(px, py, pd) in points {
            let mut bins = 0u32;
            for k in 0..32u8 {
                let centre = k * 8 + 4;
                if i32::from(centre.wrapping_sub(pd) as i8).abs()
                    <= SCREEN_PAIRING_DIRECTION_ISO + 4
                {
                    bins |= 1 << k;
                }
            }
            let lo =
                |v: f32, o: f32| ((v - reach - o) / PAIR_MAP_CELL_PX).floor().max(0.0) as usize;
            for row in lo(py, y0)..rows {
                let cy = y0 + (row as f32 + 0.5) * PAIR_MAP_CELL_PX;
                if cy > py + reach {
                    break;
                }
                for column in lo(px, x0)..columns {
                    let cx = x0 + (column as f32 + 0.5) * PAIR_MAP_CELL_PX;
                    if cx > px + reach {
                        break;
                    }
                    if (cx - px).powi(2) + (cy - py).powi(2) <= reach * reach {
                        cells[row * columns + column] |= bins;
                    }
                }
            }
        }
        Self {
            x0,
            y0,
            columns,
            rows,
            cells,
        }
    }

    /// Whether a probe minutia pairs with one placed at (x, y) with `direction`.
    #[inline(always)]
    pub(super) fn pairs(&self, x: f32, y: f32, direction: u8) -> bool {
        let (fx, fy) = (
            (x - self.x0) * (1.0 / PAIR_MAP_CELL_PX),
            (y - self.y0) * (1.0 / PAIR_MAP_CELL_PX),
        );
        if !(fx >= 0.0 && fy >= 0.0) {
            return false;
        }
        let (column, row) = (fx as usize, fy as usize);
        if column >= self.columns || row >= self.rows {
            return false;
        }
        self.cells[row * self.columns + column] >> (direction >> 3) & 1 != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_map_finds_minutiae_within_the_tolerances_only() {
        let map = PairMap::new(&[(100.0, -200.0, 10), (300.0, -50.0, 250)]);
        assert!(map.pairs(100.0, -200.0, 10));
        assert!(map.pairs(107.0, -206.0, 20));
        assert!(map.pairs(300.0, -50.0, 4)); // directions wrap around
        assert!(!map.pairs(100.0, -200.0, 10 + 64));
        assert!(!map.pairs(125.0, -200.0, 10));
        assert!(!map.pairs(-500.0, 900.0, 10));
        assert!(!PairMap::new(&[]).pairs(0.0, 0.0, 0));
    }
}
