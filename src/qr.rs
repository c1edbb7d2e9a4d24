//! QR codes of links (ISO/IEC 18004:2015, "QR Code bar code symbology specification"), encoded
//! here and turned into one SVG path, so the page draws them client-side with no image and no
//! request. Our own encoder, byte mode only (a link is bytes): versions 1–40, error-correction
//! levels L, M and Q, Reed–Solomon codewords over GF(256), the eight data masks and the
//! standard's penalty rules to choose among them. The standard's tables that the code needs
//! (error-correction codewords per block and the number of blocks, per version and level) are
//! facts of the standard, written out below; everything else (capacities, alignment pattern
//! positions, format and version information) is computed as the standard defines it.
//!
//! The error-correction level is chosen for a code shown on a projector and scanned from the
//! back of a room: the highest level (Q, then M, then L) whose code stays at or below
//! [`COMFORTABLE_VERSION`]; a text too long for that at any level takes level L, the smallest
//! code it fits, and a text too long for any QR code (version 40, level L) is an error the page
//! words, never a panic.

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

/// An error-correction level: its name, its two bits in the format information (Table 12 of
/// the standard) and its row in the tables below.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    L,
    M,
    Q,
}

impl Level {
    fn name(self) -> char {
        match self {
            Level::L => 'L',
            Level::M => 'M',
            Level::Q => 'Q',
        }
    }

    fn format_bits(self) -> u32 {
        match self {
            Level::L => 0b01,
            Level::M => 0b00,
            Level::Q => 0b11,
        }
    }
}

/// Error-correction codewords per block, versions 1–40 (ISO/IEC 18004:2015, Table 9), for
/// levels L, M and Q.
const EC_PER_BLOCK: [[u8; 40]; 3] = [
    [
        7, 10, 15, 20, 26, 18, 20, 24, 30, 18, 20, 24, 26, 30, 22, 24, 28, 30, 28, 28, 28, 28, 30,
        30, 26, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
    [
        10, 16, 26, 18, 24, 16, 18, 22, 22, 26, 30, 22, 22, 24, 24, 28, 28, 26, 26, 26, 26, 28, 28,
        28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28, 28,
    ],
    [
        13, 22, 18, 26, 18, 24, 18, 22, 20, 24, 28, 26, 24, 20, 30, 24, 28, 28, 26, 30, 28, 30, 30,
        30, 30, 28, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30,
    ],
];

/// Error-correction blocks (both groups together), versions 1–40 (Table 9), for L, M and Q.
const BLOCKS: [[u8; 40]; 3] = [
    [
        1, 1, 1, 1, 1, 2, 2, 2, 2, 4, 4, 4, 4, 4, 6, 6, 6, 6, 7, 8, 8, 9, 9, 10, 12, 12, 12, 13,
        14, 15, 16, 17, 18, 19, 19, 20, 21, 22, 24, 25,
    ],
    [
        1, 1, 1, 2, 2, 4, 4, 4, 5, 5, 5, 8, 9, 9, 10, 10, 11, 13, 14, 16, 17, 17, 18, 20, 21, 23,
        25, 26, 28, 29, 31, 33, 35, 37, 38, 40, 43, 45, 47, 49,
    ],
    [
        1, 1, 2, 2, 4, 4, 6, 6, 8, 8, 8, 10, 12, 16, 12, 17, 16, 18, 21, 20, 23, 23, 25, 27, 29,
        34, 34, 35, 38, 40, 43, 45, 48, 51, 53, 56, 59, 62, 65, 68,
    ],
];

/// Modules per side of a version.
fn side(version: usize) -> usize {
    4 * version + 17
}

/// Modules that carry codewords (and remainder bits): the whole square less the function
/// patterns (finders with separators, timing, alignment, format and version information).
fn data_modules(version: usize) -> usize {
    let s = side(version);
    // Finders with separators and the format information (with the dark module): 3·64 + 31.
    let mut n = s * s - 192 - 31 - 2 * (s - 16);
    let k = alignment_positions(version).len();
    if k > 0 {
        // k² patterns of 25 modules less the three on the finders; those on the timing
        // patterns share 5 modules each with them (2·(k − 2) patterns).
        n -= 25 * (k * k - 3) - 10 * (k - 2);
    }
    if version >= 7 {
        n -= 36;
    }
    n
}

/// Data codewords (after error correction is taken out) of a version at a level.
fn data_codewords(version: usize, level: Level) -> usize {
    let l = level as usize;
    data_modules(version) / 8
        - EC_PER_BLOCK[l][version - 1] as usize * BLOCKS[l][version - 1] as usize
}

/// Bytes of text that fit a version at a level in byte mode: the mode (4 bits) and the count
/// (8 bits up to version 9, 16 from 10) come first.
fn byte_capacity(version: usize, level: Level) -> usize {
    let header = if version <= 9 { 12 } else { 20 };
    (data_codewords(version, level) * 8 - header) / 8
}

/// Centres of the alignment patterns along one axis (Annex E): the first at 6, the last 7 from
/// the far edge, the others evenly spaced by an even step, the leftover in the first gap.
fn alignment_positions(version: usize) -> Vec<usize> {
    if version == 1 {
        return Vec::new();
    }
    let count = version / 7 + 2;
    let last = side(version) - 7;
    // Version 32 is the one whose spacing the standard does not round this way.
    let step = if version == 32 {
        26
    } else {
        (version * 4 + count * 2 + 1) / (count * 2 - 2) * 2
    };
    let mut p: Vec<usize> = (0..count - 1).map(|i| last - i * step).collect();
    p.push(6);
    p.reverse();
    p
}

/// GF(256) with the standard's polynomial x⁸ + x⁴ + x³ + x² + 1.
fn gf_mul(mut a: u8, mut b: u8) -> u8 {
    let mut r = 0u8;
    while b != 0 {
        if b & 1 != 0 {
            r ^= a;
        }
        let carry = a & 0x80 != 0;
        a <<= 1;
        if carry {
            a ^= 0x1d;
        }
        b >>= 1;
    }
    r
}

/// The Reed–Solomon generator polynomial of `degree`, ∏ (x − αⁱ) for i < degree, as its
/// coefficients after the leading 1 (highest power first).
fn rs_generator(degree: usize) -> Vec<u8> {
    let mut g = vec![0u8; degree];
    g[degree - 1] = 1;
    let mut root = 1u8;
    for _ in 0..degree {
        for j in 0..degree {
            g[j] = gf_mul(g[j], root) ^ g.get(j + 1).copied().unwrap_or(0);
        }
        root = gf_mul(root, 2);
    }
    g
}

/// The error-correction codewords of `data`: the remainder of data(x)·x^n divided by the
/// generator of degree n.
fn rs_remainder(data: &[u8], generator: &[u8]) -> Vec<u8> {
    let mut r = vec![0u8; generator.len()];
    for &b in data {
        let factor = b ^ r[0];
        r.rotate_left(1);
        let last = r.len() - 1;
        r[last] = 0;
        for (x, &g) in r.iter_mut().zip(generator) {
            *x ^= gf_mul(g, factor);
        }
    }
    r
}

/// The codewords of `text` at a version and level, blocks interleaved (section 7.6).
fn codewords(text: &[u8], version: usize, level: Level) -> Vec<u8> {
    let capacity = data_codewords(version, level);
    // Byte mode 0100, the count, the bytes, a terminator of up to four 0 bits, 0 bits to a
    // byte boundary, then the pad codewords 11101100 and 00010001 in turn.
    let mut bits = BitWriter::default();
    bits.push(0b0100, 4);
    bits.push(text.len() as u32, if version <= 9 { 8 } else { 16 });
    for &b in text {
        bits.push(b.into(), 8);
    }
    let room = capacity * 8 - bits.len;
    bits.push(0, room.min(4));
    let mut data = bits.bytes;
    for pad in [0xec, 0x11].into_iter().cycle() {
        if data.len() >= capacity {
            break;
        }
        data.push(pad);
    }

    let l = level as usize;
    let blocks = BLOCKS[l][version - 1] as usize;
    let ec_len = EC_PER_BLOCK[l][version - 1] as usize;
    let total = data_modules(version) / 8;
    let short_blocks = blocks - total % blocks;
    let short_len = total / blocks - ec_len;
    let generator = rs_generator(ec_len);
    let mut data_blocks = Vec::with_capacity(blocks);
    let mut ec_blocks = Vec::with_capacity(blocks);
    let mut at = 0;
    for i in 0..blocks {
        let len = short_len + usize::from(i >= short_blocks);
        let block = &data[at..at + len];
        at += len;
        ec_blocks.push(rs_remainder(block, &generator));
        data_blocks.push(block);
    }
    let mut out = Vec::with_capacity(total);
    for i in 0..=short_len {
        out.extend(data_blocks.iter().filter_map(|b| b.get(i)));
    }
    for i in 0..ec_len {
        out.extend(ec_blocks.iter().map(|b| b[i]));
    }
    out
}

#[derive(Default)]
struct BitWriter {
    bytes: Vec<u8>,
    len: usize,
}

impl BitWriter {
    /// The `n` low bits of `value`, most significant first.
    fn push(&mut self, value: u32, n: usize) {
        for i in (0..n).rev() {
            if self.len % 8 == 0 {
                self.bytes.push(0);
            }
            if let (true, Some(last)) = ((value >> i) & 1 != 0, self.bytes.last_mut()) {
                *last |= 0x80 >> (self.len % 8);
            }
            self.len += 1;
        }
    }
}

/// The BCH code of `data`: its bits followed by the remainder of their division by a generator
/// polynomial of degree `degree`.
fn bch(data: u32, generator: u32, degree: u32) -> u32 {
    let mut r = data << degree;
    for i in (degree..32).rev() {
        if r & (1 << i) != 0 {
            r ^= generator << (i - degree);
        }
    }
    (data << degree) | r
}

/// The 15 format-information bits of a level and mask (section 7.9.1): BCH(15, 5) with
/// generator 10100110111, masked with 101010000010010.
fn format_bits(level: Level, mask: u8) -> u32 {
    bch(
        (level.format_bits() << 3) | u32::from(mask),
        0b101_0011_0111,
        10,
    ) ^ 0b101_0100_0001_0010
}

/// The 18 version-information bits (section 7.10): BCH(18, 6) with generator 1111100100101.
fn version_bits(version: usize) -> u32 {
    bch(version as u32, 0b1_1111_0010_0101, 12)
}

/// Whether mask `mask` (Table 10) flips the module in row `y`, column `x`.
fn mask_flips(mask: u8, x: usize, y: usize) -> bool {
    match mask {
        0 => (y + x) % 2 == 0,
        1 => y % 2 == 0,
        2 => x % 3 == 0,
        3 => (y + x) % 3 == 0,
        4 => (y / 2 + x / 3) % 2 == 0,
        5 => (y * x) % 2 + (y * x) % 3 == 0,
        6 => ((y * x) % 2 + (y * x) % 3) % 2 == 0,
        _ => ((y + x) % 2 + (y * x) % 3) % 2 == 0,
    }
}

/// A symbol being built: its modules and which of them are function patterns.
struct Grid {
    side: usize,
    dark: Vec<bool>,
    function: Vec<bool>,
}

impl Grid {
    fn set(&mut self, x: usize, y: usize, dark: bool) {
        let i = y * self.side + x;
        self.dark[i] = dark;
        self.function[i] = true;
    }

    /// A finder pattern with its separator, centred at (cx, cy); off-symbol parts skipped.
    fn finder(&mut self, cx: usize, cy: usize) {
        for dy in -4i32..=4 {
            for dx in -4i32..=4 {
                let (x, y) = (cx as i32 + dx, cy as i32 + dy);
                if (0..self.side as i32).contains(&x) && (0..self.side as i32).contains(&y) {
                    let d = dx.abs().max(dy.abs());
                    self.set(x as usize, y as usize, d != 2 && d != 4);
                }
            }
        }
    }

    fn alignment(&mut self, cx: usize, cy: usize) {
        for dy in -2i32..=2 {
            for dx in -2i32..=2 {
                let d = dx.abs().max(dy.abs());
                self.set((cx as i32 + dx) as usize, (cy as i32 + dy) as usize, d != 1);
            }
        }
    }

    /// Both copies of the format information (Figure 25), and the dark module.
    fn format(&mut self, bits: u32) {
        let s = self.side;
        let bit = |i: usize| (bits >> i) & 1 != 0;
        for i in 0..6 {
            self.set(8, i, bit(i));
        }
        self.set(8, 7, bit(6));
        self.set(8, 8, bit(7));
        self.set(7, 8, bit(8));
        for i in 9..15 {
            self.set(14 - i, 8, bit(i));
        }
        for i in 0..8 {
            self.set(s - 1 - i, 8, bit(i));
        }
        for i in 8..15 {
            self.set(8, s - 15 + i, bit(i));
        }
        self.set(8, s - 8, true);
    }

    fn version(&mut self, version: usize) {
        if version < 7 {
            return;
        }
        let bits = version_bits(version);
        for i in 0..18 {
            let dark = (bits >> i) & 1 != 0;
            let (a, b) = (self.side - 11 + i % 3, i / 3);
            self.set(a, b, dark);
            self.set(b, a, dark);
        }
    }
}

/// The symbol of `codewords` at a version and level with mask `mask`.
fn symbol(codewords: &[u8], version: usize, level: Level, mask: u8) -> Vec<bool> {
    let s = side(version);
    let mut g = Grid {
        side: s,
        dark: vec![false; s * s],
        function: vec![false; s * s],
    };
    for i in 0..s {
        g.set(6, i, i % 2 == 0);
        g.set(i, 6, i % 2 == 0);
    }
    g.finder(3, 3);
    g.finder(s - 4, 3);
    g.finder(3, s - 4);
    let centres = alignment_positions(version);
    let last = centres.len().saturating_sub(1);
    for (i, &cy) in centres.iter().enumerate() {
        for (j, &cx) in centres.iter().enumerate() {
            // Not on the three finder patterns.
            let on_finder =
                (i == 0 || i == last) && (j == 0 || j == last) && !(i == last && j == last);
            if !on_finder {
                g.alignment(cx, cy);
            }
        }
    }
    // Reserved now, written once the mask is known.
    g.format(0);
    g.version(version);

    // Codewords in two-module columns from the bottom right, up then down, skipping the
    // vertical timing pattern (section 7.7.3); remainder bits stay light.
    let mut bit = 0;
    let mut right = s - 1;
    loop {
        if right == 6 {
            right = 5;
        }
        for vert in 0..s {
            let upward = (right + 1) & 2 == 0;
            let y = if upward { s - 1 - vert } else { vert };
            for x in [right, right - 1] {
                let i = y * s + x;
                if !g.function[i] {
                    if let Some(&byte) = codewords.get(bit / 8) {
                        g.dark[i] = (byte >> (7 - bit % 8)) & 1 != 0;
                    }
                    bit += 1;
                }
            }
        }
        if right < 2 {
            break;
        }
        right -= 2;
    }
    for y in 0..s {
        for x in 0..s {
            let i = y * s + x;
            if !g.function[i] && mask_flips(mask, x, y) {
                g.dark[i] = !g.dark[i];
            }
        }
    }
    g.format(format_bits(level, mask));
    g.dark
}

/// The penalty of a symbol (section 7.8.3, Table 11); the lowest wins.
fn penalty(dark: &[bool], s: usize) -> u32 {
    let mut score = 0;
    let mut line = vec![false; s];
    for i in 0..s {
        for (j, m) in line.iter_mut().enumerate() {
            *m = dark[i * s + j];
        }
        score += line_penalty(&line);
        for (j, m) in line.iter_mut().enumerate() {
            *m = dark[j * s + i];
        }
        score += line_penalty(&line);
    }
    score + blocks_penalty(dark, s) + balance_penalty(dark.iter().filter(|&&d| d).count(), s * s)
}

/// Rules N1 and N3 on one row or column: 3 for five modules of one colour in a row, plus 1 for
/// each past five; 40 for dark-light-dark-dark-dark-light-dark with four light modules before
/// it, 40 more with four after it (off the symbol counts as light: the quiet zone).
fn line_penalty(line: &[bool]) -> u32 {
    let n = line.len() as i32;
    let mut score = 0;
    let mut run = 1;
    for i in 1..=line.len() {
        if i < line.len() && line[i] == line[i - 1] {
            run += 1;
        } else {
            if run >= 5 {
                score += 3 + (run - 5);
            }
            run = 1;
        }
    }
    let module = |i: i32| (0..n).contains(&i) && line[i as usize];
    for i in 0..n - 6 {
        let finder_like = [true, false, true, true, true, false, true]
            .iter()
            .zip(i..)
            .all(|(&d, k)| module(k) == d);
        if finder_like {
            let before = (1..=4).all(|k| !module(i - k));
            let after = (7..11).all(|k| !module(i + k));
            score += 40 * (u32::from(before) + u32::from(after));
        }
    }
    score
}

/// Rule N2: 3 for each 2 × 2 block of one colour (blocks overlap).
fn blocks_penalty(dark: &[bool], s: usize) -> u32 {
    let mut score = 0;
    for y in 0..s - 1 {
        for x in 0..s - 1 {
            let i = y * s + x;
            let c = dark[i];
            if dark[i + 1] == c && dark[i + s] == c && dark[i + s + 1] == c {
                score += 3;
            }
        }
    }
    score
}

/// Rule N4: 10 for each full 5% the share of dark modules is away from 50%.
fn balance_penalty(dark: usize, total: usize) -> u32 {
    // A symbol has an odd number of modules: never exactly 50% or on a 5% boundary.
    let k = (dark * 20).abs_diff(total * 10).div_ceil(total) - 1;
    10 * k as u32
}

/// The QR code of `text` at `level` in the smallest version it fits, with the best mask.
fn encode_at(text: &[u8], level: Level) -> Option<QrMatrix> {
    let version = (1..=40).find(|&v| byte_capacity(v, level) >= text.len())?;
    let words = codewords(text, version, level);
    let s = side(version);
    let (_, dark) = (0..8)
        .map(|mask| {
            let dark = symbol(&words, version, level, mask);
            (penalty(&dark, s), dark)
        })
        .min_by_key(|(p, _)| *p)?;
    Some(QrMatrix {
        width: s,
        dark,
        version: version as i16,
        level: level.name(),
    })
}

/// The QR code of `text`, at the level described in the module's documentation.
pub fn encode(text: &str) -> Result<QrMatrix, QrFailure> {
    if text.is_empty() {
        return Err(QrFailure::Empty);
    }
    let mut fallback = None;
    for level in [Level::Q, Level::M, Level::L] {
        if let Some(m) = encode_at(text.as_bytes(), level) {
            if m.version <= COMFORTABLE_VERSION {
                return Ok(m);
            }
            fallback = Some(m);
        }
    }
    fallback.ok_or(QrFailure::TooLong { bytes: text.len() })
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

    #[test]
    fn format_and_version_information_match_the_standard_s_examples() {
        // Section 7.9.1: level M (00), mask 101 → 100000011001110.
        assert_eq!(format_bits(Level::M, 5), 0b100_0000_1100_1110);
        // Annex D: version 7 → 000111 110010010100.
        assert_eq!(version_bits(7), 0b00_0111_1100_1001_0100);
        assert_eq!(version_bits(40), 0b10_1000_1100_0110_1001);
    }

    #[test]
    fn reed_solomon_codewords_of_the_standard_s_example() {
        // Annex I: "01234567" as version 1-M: 16 data codewords, then 10 EC codewords.
        let data = [
            0x10, 0x20, 0x0c, 0x56, 0x61, 0x80, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11,
            0xec, 0x11,
        ];
        assert_eq!(
            rs_remainder(&data, &rs_generator(10)),
            [0xa5, 0x24, 0xd4, 0xc1, 0xed, 0x36, 0xc7, 0x87, 0x2c, 0x55]
        );
    }

    #[test]
    fn capacities_and_alignment_positions_as_the_standard_s_tables() {
        // Table 7 (byte mode) and Table 1 (codewords per version).
        for (v, l, m, q) in [
            (1, 17, 14, 11),
            (2, 32, 26, 20),
            (7, 154, 122, 86),
            (40, 2953, 2331, 1663),
        ] {
            assert_eq!(
                [
                    byte_capacity(v, Level::L),
                    byte_capacity(v, Level::M),
                    byte_capacity(v, Level::Q)
                ],
                [l, m, q],
                "version {v}"
            );
        }
        assert_eq!(data_modules(1) / 8, 26);
        assert_eq!(data_modules(40) / 8, 3706);
        assert_eq!(MAX_QR_BYTES, byte_capacity(40, Level::L));
        // Annex E.
        assert_eq!(alignment_positions(1), Vec::<usize>::new());
        assert_eq!(alignment_positions(2), [6, 18]);
        assert_eq!(alignment_positions(7), [6, 22, 38]);
        assert_eq!(alignment_positions(32), [6, 34, 60, 86, 112, 138]);
        assert_eq!(alignment_positions(36), [6, 24, 50, 76, 102, 128, 154]);
        assert_eq!(alignment_positions(40), [6, 30, 58, 86, 114, 142, 170]);
    }

    /// Every version, level and mask against the `qrcode` crate (a test-only dependency): the
    /// same bytes give the same symbol, module for module.
    #[test]
    fn every_version_level_and_mask_matches_an_independent_encoder() {
        use qrcode::bits::Bits;
        use qrcode::canvas::{Canvas, MaskPattern};
        use qrcode::{Color, EcLevel, Version};
        let masks = [
            MaskPattern::Checkerboard,
            MaskPattern::HorizontalLines,
            MaskPattern::VerticalLines,
            MaskPattern::DiagonalLines,
            MaskPattern::LargeCheckerboard,
            MaskPattern::Fields,
            MaskPattern::Diamonds,
            MaskPattern::Meadow,
        ];
        for version in 1..=40usize {
            for (level, theirs) in [
                (Level::L, EcLevel::L),
                (Level::M, EcLevel::M),
                (Level::Q, EcLevel::Q),
            ] {
                // A text of the full capacity (no pad codewords) and a short one (many).
                let full = byte_capacity(version, level);
                for len in [full, full / 3 + 1] {
                    let text: Vec<u8> = (0..len).map(|i| (i * 37 + version * 11) as u8).collect();
                    let words = codewords(&text, version, level);
                    let mut bits = Bits::new(Version::Normal(version as i16));
                    bits.push_byte_data(&text).unwrap();
                    bits.push_terminator(theirs).unwrap();
                    let (data, ec) = qrcode::ec::construct_codewords(
                        &bits.into_bytes(),
                        Version::Normal(version as i16),
                        theirs,
                    )
                    .unwrap();
                    let mut expected = data.clone();
                    expected.extend(&ec);
                    assert_eq!(words, expected, "codewords, version {version} {level:?}");
                    for (mask, pattern) in masks.iter().enumerate() {
                        let mut c = Canvas::new(Version::Normal(version as i16), theirs);
                        c.draw_all_functional_patterns();
                        c.draw_data(&data, &ec);
                        c.apply_mask(*pattern);
                        let want: Vec<bool> = c
                            .into_colors()
                            .into_iter()
                            .map(|c| c == Color::Dark)
                            .collect();
                        let got = symbol(&words, version, level, mask as u8);
                        assert!(
                            got == want,
                            "symbol, version {version} {level:?} mask {mask}"
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn each_penalty_rule_counts_as_the_standard_says() {
        let line = |bits: &str| bits.bytes().map(|b| b == b'1').collect::<Vec<bool>>();
        // N1: a run of 21 light modules: 3 + 16; runs of 5 and 7: 3 and 5; of 4: nothing.
        assert_eq!(line_penalty(&line("000000000000000000000")), 19);
        assert_eq!(line_penalty(&line("11111011111110000")), 3 + 5);
        // N3: the 1:1:3:1:1 pattern with four light modules on both sides: 80 (no N1 run).
        assert_eq!(line_penalty(&line("0000101110100001")), 80);
        // At the edge of the symbol the quiet zone is the light on that side.
        assert_eq!(line_penalty(&line("10111010000")), 80);
        // Light on one side only: 40; on neither: 0.
        assert_eq!(line_penalty(&line("0000101110100100")), 40);
        assert_eq!(line_penalty(&line("1001011101001001")), 0);
        // N2: a 3 × 3 dark square in a light 4 × 4 field: 4 dark blocks, and of the light
        // blocks only those not touching it (none here), so 4 × 3.
        let mut field = vec![false; 16];
        for y in 0..3 {
            for x in 0..3 {
                field[y * 4 + x] = true;
            }
        }
        assert_eq!(blocks_penalty(&field, 4), 12);
        assert_eq!(blocks_penalty(&[false; 9], 3), 12);
        // N4: 0% dark → 9 steps of 5% away → 90; 45.4% → 0; 44.9% → 10; 60.1% → 20.
        assert_eq!(balance_penalty(0, 441), 90);
        assert_eq!(balance_penalty(200, 441), 0);
        assert_eq!(balance_penalty(198, 441), 10);
        assert_eq!(balance_penalty(265, 441), 20);
        // The whole: an all-light 21 × 21 symbol scores N1 on 42 lines, N2 on 400 blocks, N4.
        assert_eq!(penalty(&[false; 441], 21), 42 * 19 + 400 * 3 + 90);
    }

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
