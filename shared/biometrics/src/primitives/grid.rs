//! A dense 2-D raster of any cell type, used for pixel maps and block maps alike.

/// Row-major `width x height` cells.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Grid<T> {
    pub width: usize,
    pub height: usize,
    pub data: Vec<T>,
}

impl<T: Copy> Grid<T> {
    pub fn new(width: usize, height: usize, fill: T) -> Self {
        Self {
            width,
            height,
            data: vec![fill; width * height],
        }
    }

    #[inline]
    pub fn get(&self, x: usize, y: usize) -> T {
        self.data[y * self.width + x]
    }

    #[inline]
    pub fn set(&mut self, x: usize, y: usize, value: T) {
        self.data[y * self.width + x] = value;
    }

    /// The cell at signed coordinates, or `outside` when they fall off the grid.
    #[inline]
    pub fn get_or(&self, x: isize, y: isize, outside: T) -> T {
        if x < 0 || y < 0 || x as usize >= self.width || y as usize >= self.height {
            outside
        } else {
            self.get(x as usize, y as usize)
        }
    }

    /// A new grid with `f` applied to every cell.
    pub fn map<U: Copy>(&self, f: impl Fn(T) -> U) -> Grid<U> {
        Grid {
            width: self.width,
            height: self.height,
            data: self.data.iter().map(|&v| f(v)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn get_or_returns_fallback_outside() {
        let mut g = Grid::new(2, 2, 0u8);
        g.set(1, 1, 7);
        assert_eq!(g.get_or(1, 1, 9), 7);
        assert_eq!(g.get_or(-1, 0, 9), 9);
        assert_eq!(g.get_or(0, 2, 9), 9);
    }
}
