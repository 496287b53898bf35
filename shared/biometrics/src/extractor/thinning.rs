//! Thinning of the ridge pixels to a one-pixel-wide, 8-connected skeleton (Zhang & Suen 1984),
//! followed by removal of staircase corners so every ridge pixel has exactly two neighbours.

use crate::primitives::grid::Grid;

/// Neighbour offsets in ring order N, NE, E, SE, S, SW, W, NW (bit i of a neighbourhood code).
pub(crate) const RING: [(isize, isize); 8] = [
    (0, -1),
    (1, -1),
    (1, 0),
    (1, 1),
    (0, 1),
    (-1, 1),
    (-1, 0),
    (-1, -1),
];

/// The 8-bit code of a pixel's set neighbours (pixels outside the image count as unset).
#[inline]
pub(crate) fn neighbourhood(img: &Grid<bool>, x: usize, y: usize) -> u8 {
    let mut code = 0u8;
    for (bit, &(dx, dy)) in RING.iter().enumerate() {
        if img.get_or(x as isize + dx, y as isize + dy, false) {
            code |= 1 << bit;
        }
    }
    code
}

/// Number of 0->1 transitions around the ring (Zhang-Suen's A(P); twice the crossing number).
#[inline]
pub(crate) fn transitions(code: u8) -> u32 {
    (code ^ code.rotate_right(1)).count_ones() / 2
}

/// Number of 8-connected groups among the set neighbours: ring-consecutive ones touch, and so do
/// two edge neighbours (N, E, S, W) around a corner.
fn neighbour_groups(code: u8) -> u32 {
    let mut parent = [0usize, 1, 2, 3, 4, 5, 6, 7];
    fn find(p: &mut [usize; 8], i: usize) -> usize {
        let mut i = i;
        while p[i] != i {
            i = p[i];
        }
        i
    }
    let set = |i: usize| code & (1 << (i % 8)) != 0;
    for i in 0..8 {
        let mut join = |j: usize| {
            if set(i) && set(j % 8) {
                let (a, b) = (find(&mut parent, i), find(&mut parent, j % 8));
                parent[a] = b;
            }
        };
        join(i + 1);
        if i % 2 == 0 {
            join(i + 2);
        }
    }
    (0..8)
        .filter(|&i| set(i) && find(&mut parent, i) == i)
        .count() as u32
}

pub(crate) fn thinning(ridges: &Grid<bool>) -> Grid<bool> {
    // Zhang-Suen deletion tables for the two sub-iterations, indexed by neighbourhood code.
    let bit = |code: usize, i: usize| (code >> i) & 1 == 1;
    let (n, e, s, w) = (0, 2, 4, 6);
    let deletable = |step: usize, code: usize| {
        let count = (code as u8).count_ones();
        let simple = (2..=6).contains(&count) && transitions(code as u8) == 1;
        if step == 0 {
            simple
                && !(bit(code, n) && bit(code, e) && bit(code, s))
                && !(bit(code, e) && bit(code, s) && bit(code, w))
        } else {
            simple
                && !(bit(code, n) && bit(code, e) && bit(code, w))
                && !(bit(code, n) && bit(code, s) && bit(code, w))
        }
    };
    let tables: [[bool; 256]; 2] =
        [0, 1].map(|step| std::array::from_fn(|code| deletable(step, code)));
    // Work on a copy padded by one background pixel so neighbourhoods need no bounds checks.
    let (w, h) = (ridges.width + 2, ridges.height + 2);
    let mut img = vec![false; w * h];
    for y in 0..ridges.height {
        for x in 0..ridges.width {
            img[(y + 1) * w + x + 1] = ridges.get(x, y);
        }
    }
    let offsets: [isize; 8] = RING.map(|(dx, dy)| dy * w as isize + dx);
    let code_at = |img: &[bool], i: usize| {
        let mut code = 0u8;
        for (bit, &o) in offsets.iter().enumerate() {
            code |= (img[(i as isize + o) as usize] as u8) << bit;
        }
        code
    };
    let mut alive: Vec<usize> = (0..w * h).filter(|&i| img[i]).collect();
    let mut doomed = Vec::new();
    loop {
        let mut changed = false;
        for table in &tables {
            doomed.clear();
            doomed.extend(
                alive
                    .iter()
                    .copied()
                    .filter(|&i| table[code_at(&img, i) as usize]),
            );
            for &i in &doomed {
                img[i] = false;
            }
            changed |= !doomed.is_empty();
            alive.retain(|&i| img[i]);
        }
        if !changed {
            break;
        }
    }
    // Staircase corners: a pixel with two edge neighbours around a corner is redundant when its
    // neighbours stay connected without it. Deleting in raster order re-checks the current state.
    for i in alive {
        let code = code_at(&img, i);
        let corner =
            (0..4).any(|k| code & (1 << (2 * k)) != 0 && code & (1 << ((2 * k + 2) % 8)) != 0);
        if corner && code.count_ones() >= 2 && neighbour_groups(code) == 1 && transitions(code) <= 2
        {
            img[i] = false;
        }
    }
    let mut out = Grid::new(ridges.width, ridges.height, false);
    for y in 0..ridges.height {
        for x in 0..ridges.width {
            out.set(x, y, img[(y + 1) * w + x + 1]);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thick_bar_thins_to_a_one_pixel_line() {
        let mut img = Grid::new(30, 12, false);
        for y in 3..8 {
            for x in 3..27 {
                img.set(x, y, true);
            }
        }
        let skel = thinning(&img);
        for x in 6..24 {
            let column: usize = (0..12).filter(|&y| skel.get(x, y)).count();
            assert_eq!(column, 1, "column {x}");
        }
    }

    #[test]
    fn diagonal_staircase_loses_its_corners() {
        let mut img = Grid::new(12, 12, false);
        for i in 1..10 {
            img.set(i, i, true);
            img.set(i + 1, i, true);
        }
        let skel = thinning(&img);
        for y in 2..9 {
            for x in 2..10 {
                if skel.get(x, y) {
                    assert!(
                        neighbourhood(&skel, x, y).count_ones() <= 2,
                        "pixel {x},{y}"
                    );
                }
            }
        }
    }

    #[test]
    fn groups_join_around_corners() {
        assert_eq!(neighbour_groups(0b0000_0101), 1); // N and E
        assert_eq!(neighbour_groups(0b0001_0001), 2); // N and S
        assert_eq!(transitions(0b0001_0001), 2);
    }
}
