//! QR codes of links, encoded by the `qrcode` crate and turned into one SVG path here, so the
//! page draws them client-side with no image and no request.
//!
//! The error-correction level is chosen for a code shown on a projector and scanned from the
//! back of a room: the highest level (Q, then M, then L) whose code stays at or below
//! [`COMFORTABLE_VERSION`]; a text too long for that at any level takes level L, the smallest
//! code it fits, and a text too long for any QR code (version 40, level L) is an error the page
//! words, never a panic.

use qrcode::types::QrError;
use qrcode::{Color, EcLevel, QrCode};

/// Modules of light margin on each side; the standard asks for 4.
pub const QUIET_ZONE: usize = 4;

/// The largest version (77 × 77 modules) still taken at a higher error-correction level: a
/// typical link (a few levers changed, about 200 characters) gets level Q, one comparing two
/// scenarios level M; above it the modules would get too small on a projected slide to spend
/// them on redundancy, so level L keeps the code as coarse as the text allows.
pub const COMFORTABLE_VERSION: i16 = 15;

/// Bytes that fit version 40 at level L in byte mode, the most any QR code holds here.
pub const MAX_QR_BYTES: usize = 2953;

/// A QR code as a square of modules, without its quiet zone.
#[derive(Clone, Debug, PartialEq)]
pub struct QrMatrix {
    width: usize,
    dark: Vec<bool>,
    version: i16,
    level: char,
}

/// Why a text has no QR code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum QrFailure {
    /// More bytes than any QR code holds.
    TooLong { bytes: usize },
    /// The text is empty: nothing to encode.
    Empty,
}

/// The QR code of `text`, at the level described in the module's documentation.
pub fn encode(text: &str) -> Result<QrMatrix, QrFailure> {
    if text.is_empty() {
        return Err(QrFailure::Empty);
    }
    let too_long = QrFailure::TooLong { bytes: text.len() };
    let mut fallback = None;
    for (level, name) in [(EcLevel::Q, 'Q'), (EcLevel::M, 'M'), (EcLevel::L, 'L')] {
        match QrCode::with_error_correction_level(text.as_bytes(), level) {
            Ok(code) => {
                let version = match code.version() {
                    qrcode::Version::Normal(v) => v,
                    // encode_auto only makes normal codes; a micro one would not scan everywhere.
                    qrcode::Version::Micro(_) => continue,
                };
                let matrix = QrMatrix {
                    width: code.width(),
                    dark: code
                        .to_colors()
                        .into_iter()
                        .map(|c| c == Color::Dark)
                        .collect(),
                    version,
                    level: name,
                };
                if version <= COMFORTABLE_VERSION {
                    return Ok(matrix);
                }
                fallback = Some(matrix);
            }
            Err(QrError::DataTooLong) => {}
            Err(_) => return Err(too_long),
        }
    }
    fallback.ok_or(too_long)
}

impl QrMatrix {
    /// Modules per side, without the quiet zone.
    pub fn width(&self) -> usize {
        self.width
    }

    /// Modules per side with the quiet zone on both sides: the SVG's view box.
    pub fn outer_width(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    /// The QR version (1–40).
    pub fn version(&self) -> i16 {
        self.version
    }

    /// The error-correction level: 'L', 'M' or 'Q'.
    pub fn level(&self) -> char {
        self.level
    }

    /// Whether the module at column `x`, row `y` (quiet zone excluded) is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        x < self.width && y < self.width && self.dark[y * self.width + x]
    }

    /// The dark modules as one SVG path in quiet-zone coordinates (one unit per module): one
    /// rectangle per horizontal run of dark modules, which keeps the path short.
    pub fn svg_path(&self) -> String {
        use std::fmt::Write as _;
        let mut d = String::new();
        for y in 0..self.width {
            let mut x = 0;
            while x < self.width {
                if !self.is_dark(x, y) {
                    x += 1;
                    continue;
                }
                let start = x;
                while x < self.width && self.is_dark(x, y) {
                    x += 1;
                }
                let _ = write!(
                    d,
                    "M{} {}h{}v1h-{}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE,
                    x - start,
                    x - start
                );
            }
        }
        d
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads the path back into a grid: every run "M x y h n v1 h-n z" paints n modules.
    fn paint(path: &str, side: usize) -> Vec<bool> {
        let mut grid = vec![false; side * side];
        for run in path.split('M').filter(|s| !s.is_empty()) {
            let run = run.strip_suffix('z').expect("each run closes");
            let (head, rest) = run.split_once('h').unwrap();
            let (n, tail) = rest.split_once("v1h-").unwrap();
            assert_eq!(n, tail, "the run goes back as far as it went");
            let mut xy = head.split(' ').map(|v| v.parse::<usize>().unwrap());
            let (x, y, n) = (
                xy.next().unwrap(),
                xy.next().unwrap(),
                n.parse::<usize>().unwrap(),
            );
            for i in x..x + n {
                assert!(!grid[y * side + i], "no module is painted twice");
                grid[y * side + i] = true;
            }
        }
        grid
    }

    #[test]
    fn the_path_paints_exactly_the_dark_modules_inside_the_quiet_zone() {
        let m = encode("http://127.0.0.1:8080/?v=1&preset=jinzhong-2022&lang=en").unwrap();
        let side = m.outer_width();
        let grid = paint(&m.svg_path(), side);
        for y in 0..side {
            for x in 0..side {
                let inside = (QUIET_ZONE..QUIET_ZONE + m.width()).contains(&x)
                    && (QUIET_ZONE..QUIET_ZONE + m.width()).contains(&y);
                let want = inside && m.is_dark(x - QUIET_ZONE, y - QUIET_ZONE);
                assert_eq!(grid[y * side + x], want, "module ({x}, {y})");
            }
        }
        // Finder pattern: the top-left 7 × 7 square has a dark ring and a light ring.
        assert!(m.is_dark(0, 0) && m.is_dark(6, 6) && !m.is_dark(1, 1) && m.is_dark(3, 3));
        assert_eq!(m.width(), 17 + 4 * m.version() as usize);
    }

    #[test]
    fn a_short_link_gets_level_q_and_a_long_one_a_lower_level() {
        let short = encode("https://example.org/?v=1&preset=jinzhong-2022").unwrap();
        assert_eq!(short.level(), 'Q');
        assert!(short.version() <= COMFORTABLE_VERSION);

        let long = format!("https://example.org/?v=1&{}", "k=vvvvvvvv&".repeat(60));
        let m = encode(&long).unwrap();
        assert!(m.version() > COMFORTABLE_VERSION);
        assert_eq!(
            m.level(),
            'L',
            "past the comfortable size the smallest code wins"
        );
    }

    #[test]
    fn too_long_and_empty_texts_are_errors_not_panics() {
        let at_limit = "a".repeat(MAX_QR_BYTES);
        let m = encode(&at_limit).unwrap();
        assert_eq!((m.version(), m.level()), (40, 'L'));
        let over = "a".repeat(MAX_QR_BYTES + 1);
        assert_eq!(
            encode(&over),
            Err(QrFailure::TooLong {
                bytes: MAX_QR_BYTES + 1
            })
        );
        assert_eq!(encode(""), Err(QrFailure::Empty));
        // Non-ASCII text is encoded as its UTF-8 bytes.
        assert!(encode("复苏实验室").is_ok());
    }
}
