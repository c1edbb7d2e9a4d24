//! Decimal text to `f64`, exactly as `str::parse::<f64>` reads it, but through serde_json's
//! float reader (which the page ships anyway for scenario files).
//!
//! Why: `core`'s own reader (`dec2flt`) carries a 10 KB table of 128-bit powers of five that
//! does not compress, and with its code it cost the page ≈ 12 KB gzipped, only for the few
//! numbers a reader types or a link carries. serde_json with `float_roundtrip` rounds
//! correctly too, so the value is the same to the last bit; the tests compare the two readers
//! on every form of text `str::parse` accepts, and on texts it refuses.

/// `text` read as `str::parse::<f64>` reads it: the same texts are accepted (an optional sign;
/// digits with an optional `.`, at least one digit; an optional exponent `e`/`E`, sign, digits;
/// or `inf`, `infinity`, `nan` in any case) and give the same value, `None` where `str::parse`
/// gives an error.
pub fn parse_f64(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let sign = if negative { -1.0 } else { 1.0 };
    if ["inf", "infinity"]
        .iter()
        .any(|w| body.eq_ignore_ascii_case(w))
    {
        return Some(sign * f64::INFINITY);
    }
    if body.eq_ignore_ascii_case("nan") {
        return Some(f64::NAN);
    }

    // Mantissa: digits, an optional point, digits; then an optional exponent.
    let (mantissa, exponent) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], Some(&body[at + 1..])),
        None => (body, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !digits(int) || !digits(frac) || int.len() + frac.len() == 0 {
        return None;
    }
    if let Some(e) = exponent {
        let e_digits = e.strip_prefix(['+', '-']).unwrap_or(e);
        if e_digits.is_empty() || !digits(e_digits) {
            return None;
        }
    }

    // The same number in JSON's stricter form: no `+`, no leading zeros, no bare point.
    let int = int.trim_start_matches('0');
    let mut json = String::with_capacity(text.len() + 2);
    if negative {
        json.push('-');
    }
    json.push_str(if int.is_empty() { "0" } else { int });
    if !frac.is_empty() {
        json.push('.');
        json.push_str(frac);
    }
    if let Some(e) = exponent {
        json.push('e');
        json.push_str(e);
    }
    match serde_json::from_str::<f64>(&json) {
        Ok(v) => Some(v),
        // The only error left for a well-formed number: too large for an f64 (serde_json
        // refuses what `str::parse` rounds to infinity). A zero mantissa is zero whatever
        // its exponent.
        Err(_) if int.bytes().chain(frac.bytes()).all(|b| b == b'0') => Some(sign * 0.0),
        Err(_) => Some(sign * f64::INFINITY),
    }
}

/// Writes `x` (finite) as serde_json writes an `f64`: the shortest digits that read back to the
/// same bits; as a decimal with at least one digit after the point from 1e-5 to below 1e16
/// (`0.00001`, `2.0`, `1000000000000000.0`), in exponent form outside (`1e-6`, `1.5e+16`).
pub fn write_f64(out: &mut String, x: f64) {
    if x.is_sign_negative() {
        out.push('-');
    }
    // `{:e}` gives the shortest round-trip digits: `d.ddde±N`.
    let sci = format!("{:e}", x.abs());
    let (mantissa, exp) = sci.split_once('e').unwrap_or((&sci, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    if x == 0.0 {
        out.push_str("0.0");
    } else if (-5..16).contains(&exp) {
        if exp >= 0 {
            let point = exp as usize + 1;
            if digits.len() > point {
                out.push_str(&digits[..point]);
                out.push('.');
                out.push_str(&digits[point..]);
            } else {
                out.push_str(&digits);
                for _ in digits.len()..point {
                    out.push('0');
                }
                out.push_str(".0");
            }
        } else {
            out.push_str("0.");
            for _ in 1..-exp {
                out.push('0');
            }
            out.push_str(&digits);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push('e');
        if exp > 0 {
            out.push('+');
        }
        out.push_str(&exp.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Both readers agree: both refuse, or both give the same bits (any NaN equals any NaN).
    fn agrees(text: &str) -> Result<(), String> {
        let core = text.parse::<f64>().ok();
        let ours = parse_f64(text);
        let same = match (core, ours) {
            (None, None) => true,
            (Some(a), Some(b)) => a.to_bits() == b.to_bits() || (a.is_nan() && b.is_nan()),
            _ => false,
        };
        if same {
            Ok(())
        } else {
            Err(format!("{text:?}: str::parse {core:?}, parse_f64 {ours:?}"))
        }
    }

    #[test]
    fn hand_picked_texts_read_as_str_parse_reads_them() {
        let texts = [
            "0",
            "-0",
            "+0",
            "00",
            "007",
            "1",
            "-1",
            "+1.5",
            "1.",
            ".5",
            "-.5",
            "+.5e1",
            ".",
            "-",
            "+",
            "",
            " 1",
            "1 ",
            "1,5",
            "1_000",
            "0x10",
            "1e",
            "1e+",
            "1e-",
            "e5",
            ".e5",
            "1.e5",
            "1e5",
            "1E-5",
            "1e+05",
            "2.5e-3",
            "0.1",
            "0.2",
            "0.30000000000000004",
            "1e308",
            "1.7976931348623157e308",
            "1.7976931348623159e308",
            "1e309",
            "-1e309",
            "1e400",
            "1e99999999999999999999",
            "0e99999999999999999999",
            "-0e400",
            "0.000e500",
            "5e-324",
            "2e-324",
            "3e-324",
            "1e-400",
            "-1e-400",
            "4.9406564584124654e-324",
            "2.2250738585072011e-308",
            "2.2250738585072014e-308",
            "9007199254740993",
            "123456789012345678901234567890",
            "0.1000000000000000055511151231257827",
            "inf",
            "-inf",
            "+inf",
            "INF",
            "Infinity",
            "-infinity",
            "nan",
            "NaN",
            "-nan",
            "+NAN",
            "infinit",
            "infinityy",
            "nana",
            "in",
            "１",
            "1.2.3",
            "1e5e5",
            "--1",
            "+-1",
            "1-",
            "12345678901234567890e-20",
            "0.000000000000000000000000000001e30",
        ];
        for t in texts {
            agrees(t).unwrap();
        }
        let long = format!("0.{}1", "0".repeat(800));
        agrees(&long).unwrap();
        let many = "9".repeat(400);
        agrees(&many).unwrap();
        agrees(&format!("{many}.{many}e-700")).unwrap();
    }

    proptest! {
        #[test]
        fn any_bits_printed_read_back_the_same(bits in any::<u64>()) {
            let v = f64::from_bits(bits);
            for text in [format!("{v}"), format!("{v:e}"), format!("{v:.3}"), format!("{v:E}")] {
                agrees(&text).map_err(TestCaseError::fail)?;
            }
        }

        #[test]
        fn decimal_texts_read_the_same(
            sign in "[+-]?",
            int in "[0-9]{0,25}",
            point in "\\.?",
            frac in "[0-9]{0,25}",
            exp in "([eE][+-]?[0-9]{0,4})?",
        ) {
            let text = format!("{sign}{int}{point}{frac}{exp}");
            agrees(&text).map_err(TestCaseError::fail)?;
        }

        #[test]
        fn texts_of_number_characters_read_the_same(text in "[-+.eE0-9a-z ]{0,12}") {
            agrees(&text).map_err(TestCaseError::fail)?;
        }
    }

    proptest! {
        /// Numbers are written as serde_json writes them.
        #[test]
        fn writes_as_serde_json_writes(bits in any::<u64>()) {
            let x = f64::from_bits(bits);
            prop_assume!(x.is_finite());
            let mut ours = String::new();
            write_f64(&mut ours, x);
            prop_assert_eq!(ours, serde_json::to_string(&x).unwrap());
        }
    }

    #[test]
    fn writes_edge_numbers_as_serde_json_writes() {
        for x in [
            0.0,
            -0.0,
            1.0,
            -1.0,
            1e15,
            1e16,
            1.5e16,
            1e-4,
            1e-5,
            1.5e-5,
            9.99e-6,
            1e-6,
            0.1,
            0.35,
            5e-324,
            f64::MAX,
            f64::MIN_POSITIVE,
            100.0,
            1e21,
            12345.678,
            123456789012345.6,
        ] {
            let mut ours = String::new();
            write_f64(&mut ours, x);
            assert_eq!(ours, serde_json::to_string(&x).unwrap(), "{x:?}");
        }
    }
}
