//! A raw DEFLATE decoder (RFC 1951: stored, fixed and dynamic Huffman blocks), written for
//! size rather than speed: the page only unpacks story links of a few kilobytes, and a
//! general-purpose inflater would cost the page's size budget several times this code.
//! Canonical Huffman codes are decoded a bit at a time from per-length counts. Every read is
//! checked: damaged input gives `Err`, never a panic, and the output stops at `limit` bytes.

/// Why the data could not be unpacked.
pub type Error = &'static str;

/// Bits read least-significant first, as DEFLATE packs them.
struct Bits<'a> {
    data: &'a [u8],
    pos: usize,
    buf: u32,
    count: u32,
}

impl Bits<'_> {
    /// The next `n` bits (n ≤ 16).
    fn take(&mut self, n: u32) -> Result<u32, Error> {
        while self.count < n {
            let byte = *self.data.get(self.pos).ok_or("the data ends too early")?;
            self.pos += 1;
            self.buf |= u32::from(byte) << self.count;
            self.count += 8;
        }
        let v = self.buf & ((1u32 << n) - 1);
        self.buf >>= n;
        self.count -= n;
        Ok(v)
    }
}

/// A canonical Huffman code: how many codes of each length, and the symbols in code order.
struct Huffman {
    counts: [u16; 16],
    symbols: Vec<u16>,
}

impl Huffman {
    /// The code for these code lengths (0 = symbol unused). Over-subscribed sets are refused;
    /// incomplete ones are allowed (an unused code is refused when read).
    fn new(lengths: &[u8]) -> Result<Huffman, Error> {
        let mut counts = [0u16; 16];
        for &l in lengths {
            counts[usize::from(l)] += 1;
        }
        counts[0] = 0;
        let mut left: i32 = 1;
        for &c in &counts[1..] {
            left = (left << 1) - i32::from(c);
            if left < 0 {
                return Err("a Huffman code is over-subscribed");
            }
        }
        let mut offsets = [0u16; 16];
        for len in 1..15 {
            offsets[len + 1] = offsets[len] + counts[len];
        }
        let mut symbols = vec![0u16; lengths.len()];
        for (symbol, &l) in lengths.iter().enumerate() {
            if l != 0 {
                symbols[usize::from(offsets[usize::from(l)])] = symbol as u16;
                offsets[usize::from(l)] += 1;
            }
        }
        Ok(Huffman { counts, symbols })
    }

    fn decode(&self, bits: &mut Bits) -> Result<u16, Error> {
        let (mut code, mut first, mut index) = (0i32, 0i32, 0i32);
        for len in 1..16 {
            code |= bits.take(1)? as i32;
            let count = i32::from(self.counts[len]);
            if code - first < count {
                return self
                    .symbols
                    .get((index + code - first) as usize)
                    .copied()
                    .ok_or("a Huffman code is damaged");
            }
            index += count;
            first = (first + count) << 1;
            code <<= 1;
        }
        Err("a Huffman code is not in the table")
    }
}

const LENGTH_BASE: [u16; 29] = [
    3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131,
    163, 195, 227, 258,
];
const LENGTH_EXTRA: [u8; 29] = [
    0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0,
];
const DIST_BASE: [u16; 30] = [
    1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537,
    2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577,
];
const DIST_EXTRA: [u8; 30] = [
    0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13,
    13,
];
/// The order in which a dynamic block gives the code lengths of its code-length code.
const CLEN_ORDER: [usize; 19] = [
    16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15,
];

/// Unpacks raw DEFLATE `data`; at most `limit` bytes of output.
pub fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, Error> {
    let mut bits = Bits {
        data,
        pos: 0,
        buf: 0,
        count: 0,
    };
    let mut out = Vec::new();
    loop {
        let last = bits.take(1)? == 1;
        match bits.take(2)? {
            0 => stored(&mut bits, &mut out, limit)?,
            1 => {
                let mut lengths = [0u8; 288];
                lengths[..144].fill(8);
                lengths[144..256].fill(9);
                lengths[256..280].fill(7);
                lengths[280..].fill(8);
                let lit = Huffman::new(&lengths)?;
                let dist = Huffman::new(&[5u8; 30])?;
                codes(&mut bits, &mut out, limit, &lit, &dist)?;
            }
            2 => {
                let (lit, dist) = dynamic_tables(&mut bits)?;
                codes(&mut bits, &mut out, limit, &lit, &dist)?;
            }
            _ => return Err("an unknown block type"),
        }
        if last {
            return Ok(out);
        }
    }
}

fn stored(bits: &mut Bits, out: &mut Vec<u8>, limit: usize) -> Result<(), Error> {
    // The rest of the current byte is padding.
    bits.buf = 0;
    bits.count = 0;
    let header = bits
        .data
        .get(bits.pos..bits.pos + 4)
        .ok_or("the data ends too early")?;
    let len = usize::from(u16::from_le_bytes([header[0], header[1]]));
    let nlen = u16::from_le_bytes([header[2], header[3]]);
    if len as u16 != !nlen {
        return Err("a stored block's length is damaged");
    }
    bits.pos += 4;
    let bytes = bits
        .data
        .get(bits.pos..bits.pos + len)
        .ok_or("the data ends too early")?;
    if out.len() + len > limit {
        return Err("the data unpacks to more than the limit");
    }
    out.extend_from_slice(bytes);
    bits.pos += len;
    Ok(())
}

fn dynamic_tables(bits: &mut Bits) -> Result<(Huffman, Huffman), Error> {
    let nlen = bits.take(5)? as usize + 257;
    let ndist = bits.take(5)? as usize + 1;
    let ncode = bits.take(4)? as usize + 4;
    if nlen > 286 || ndist > 30 {
        return Err("a dynamic block has too many codes");
    }
    let mut clen = [0u8; 19];
    for &i in &CLEN_ORDER[..ncode] {
        clen[i] = bits.take(3)? as u8;
    }
    let clen_code = Huffman::new(&clen)?;
    let mut lengths = vec![0u8; nlen + ndist];
    let mut i = 0;
    while i < lengths.len() {
        let symbol = clen_code.decode(bits)?;
        let (value, repeat) = match symbol {
            0..=15 => (symbol as u8, 1),
            16 => {
                let prev = *lengths[..i]
                    .last()
                    .ok_or("a repeat with nothing before it")?;
                (prev, 3 + bits.take(2)? as usize)
            }
            17 => (0, 3 + bits.take(3)? as usize),
            _ => (0, 11 + bits.take(7)? as usize),
        };
        let end = i + repeat;
        if end > lengths.len() {
            return Err("code lengths run past the table");
        }
        lengths[i..end].fill(value);
        i = end;
    }
    if lengths[256] == 0 {
        return Err("a dynamic block has no end code");
    }
    Ok((
        Huffman::new(&lengths[..nlen])?,
        Huffman::new(&lengths[nlen..])?,
    ))
}

fn codes(
    bits: &mut Bits,
    out: &mut Vec<u8>,
    limit: usize,
    lit: &Huffman,
    dist: &Huffman,
) -> Result<(), Error> {
    loop {
        let symbol = usize::from(lit.decode(bits)?);
        match symbol {
            0..=255 => {
                if out.len() >= limit {
                    return Err("the data unpacks to more than the limit");
                }
                out.push(symbol as u8);
            }
            256 => return Ok(()),
            _ => {
                let s = symbol - 257;
                if s >= LENGTH_BASE.len() {
                    return Err("a length code is out of range");
                }
                let len =
                    usize::from(LENGTH_BASE[s]) + bits.take(u32::from(LENGTH_EXTRA[s]))? as usize;
                let d = usize::from(dist.decode(bits)?);
                if d >= DIST_BASE.len() {
                    return Err("a distance code is out of range");
                }
                let back =
                    usize::from(DIST_BASE[d]) + bits.take(u32::from(DIST_EXTRA[d]))? as usize;
                if back > out.len() {
                    return Err("a distance reaches before the start");
                }
                if out.len() + len > limit {
                    return Err("the data unpacks to more than the limit");
                }
                let from = out.len() - back;
                for k in 0..len {
                    out.push(out[from + k]);
                }
            }
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn samples() -> Vec<Vec<u8>> {
        let text = "分区管控还是全城封控？Zoning or a citywide lockdown? {a.gdp_loss_pct} "
            .repeat(40)
            .into_bytes();
        let mut noise = Vec::new();
        let mut x: u64 = 7;
        for _ in 0..5000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            noise.push((x >> 56) as u8);
        }
        let runs: Vec<u8> = (0..70_000u32).map(|i| (i / 300) as u8).collect();
        vec![Vec::new(), b"a".to_vec(), text, noise, runs]
    }

    #[test]
    fn unpacks_what_miniz_packs_at_every_level() {
        for data in samples() {
            for level in [0u8, 1, 6, 10] {
                let packed = miniz_oxide::deflate::compress_to_vec(&data, level);
                assert_eq!(
                    inflate(&packed, 1 << 20).as_deref(),
                    Ok(&data[..]),
                    "level {level}"
                );
            }
        }
    }

    #[test]
    fn damaged_data_is_an_error_never_a_panic() {
        let data = samples().swap_remove(2);
        let packed = miniz_oxide::deflate::compress_to_vec(&data, 10);
        assert!(inflate(&packed, 100).is_err(), "the limit holds");
        for cut in 0..packed.len() {
            assert!(inflate(&packed[..cut], 1 << 20).is_err() || cut == packed.len());
        }
        let mut x: u64 = 1;
        for i in 0..20_000 {
            let mut bad = packed.clone();
            x = x.wrapping_mul(6364136223846793005).wrapping_add(1);
            let at = (x >> 33) as usize % bad.len();
            bad[at] ^= 1 << (i % 8);
            let _ = inflate(&bad, 1 << 16);
            let junk: Vec<u8> = (0..(x % 64) as usize)
                .map(|k| (x >> (k % 56)) as u8)
                .collect();
            let _ = inflate(&junk, 1 << 16);
        }
    }
}
