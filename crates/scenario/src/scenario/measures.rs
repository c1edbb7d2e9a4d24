//! The nine control measures of a set of [`Measures`], listed once: the field's name, its
//! letter in a link, its range, the slider step and how to read and write it. The link codec,
//! validation and the page's editors all go through [`MEASURES`], so a measure added here is
//! written, read, checked and edited everywhere.

use super::validate::{self, Limit};
use super::Measures;

/// One control measure.
#[derive(Debug)]
pub struct MeasureSpec {
    /// The field's name in the scenario JSON (`dine_in`); the page's test ids use it too.
    pub key: &'static str,
    /// Its letter in a link's measures value (`d0.8`). Never `e`, which belongs to numbers
    /// (`1e-3`). Part of link format version 1: never change a letter.
    pub letter: char,
    /// The range `scenario::validate` checks.
    pub limit: &'static Limit,
    /// The page's slider step.
    pub step: f64,
    pub get: fn(&Measures) -> f64,
    pub set: fn(&mut Measures, f64),
}

impl MeasureSpec {
    /// The measure named `key`, if any.
    pub fn find(key: &str) -> Option<&'static MeasureSpec> {
        MEASURES.iter().find(|m| m.key == key)
    }
}

/// Every measure, in the order the page shows them and a link writes them.
pub static MEASURES: [MeasureSpec; 9] = [
    MeasureSpec {
        key: "schools",
        letter: 's',
        limit: &validate::MEASURE_SCHOOLS,
        step: 0.05,
        get: |m| m.schools,
        set: |m, v| m.schools = v,
    },
    MeasureSpec {
        key: "dine_in",
        letter: 'd',
        limit: &validate::MEASURE_DINE_IN,
        step: 0.05,
        get: |m| m.dine_in,
        set: |m, v| m.dine_in = v,
    },
    MeasureSpec {
        key: "nonessential",
        letter: 'n',
        limit: &validate::MEASURE_NONESSENTIAL,
        step: 0.05,
        get: |m| m.nonessential,
        set: |m, v| m.nonessential = v,
    },
    MeasureSpec {
        key: "gatherings",
        letter: 'g',
        limit: &validate::MEASURE_GATHERINGS,
        step: 0.05,
        get: |m| m.gatherings,
        set: |m, v| m.gatherings = v,
    },
    MeasureSpec {
        key: "sealed_zones",
        letter: 'z',
        limit: &validate::MEASURE_SEALED_ZONES,
        step: 0.05,
        get: |m| m.sealed_zones,
        set: |m, v| m.sealed_zones = v,
    },
    MeasureSpec {
        key: "testing_every_days",
        letter: 't',
        limit: &validate::MEASURE_TESTING_EVERY_DAYS,
        step: 1.0,
        get: |m| m.testing_every_days as f64,
        set: |m, v| m.testing_every_days = v as u32,
    },
    MeasureSpec {
        key: "testing_coverage",
        letter: 'c',
        limit: &validate::MEASURE_TESTING_COVERAGE,
        step: 0.01,
        get: |m| m.testing_coverage,
        set: |m, v| m.testing_coverage = v,
    },
    MeasureSpec {
        key: "tracing_rate",
        letter: 'r',
        limit: &validate::MEASURE_TRACING_RATE,
        step: 0.01,
        get: |m| m.tracing_rate,
        set: |m, v| m.tracing_rate = v,
    },
    MeasureSpec {
        key: "checkpoints",
        letter: 'h',
        limit: &validate::MEASURE_CHECKPOINTS,
        step: 0.05,
        get: |m| m.checkpoints,
        set: |m, v| m.checkpoints = v,
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::presets;

    #[test]
    fn keys_letters_and_limits_agree() {
        for (i, m) in MEASURES.iter().enumerate() {
            assert_eq!(
                m.limit.key,
                format!("measures.{}", m.key),
                "limit of {}",
                m.key
            );
            assert_ne!(m.letter, 'e', "{}: e belongs to numbers", m.key);
            assert!(m.letter.is_ascii_lowercase(), "{}", m.key);
            assert!(
                MEASURES[..i]
                    .iter()
                    .all(|o| o.key != m.key && o.letter != m.letter),
                "{} repeats a key or a letter",
                m.key
            );
            assert!(m.step > 0.0 && m.step <= m.limit.max - m.limit.min);
            assert!(m.limit.integer == (m.step.fract() == 0.0), "{}", m.key);
        }
    }

    #[test]
    fn get_reads_what_set_wrote_and_nothing_else() {
        let base = presets::no_measures();
        for m in &MEASURES {
            let mut x = base.clone();
            let v = m.limit.max;
            (m.set)(&mut x, v);
            assert_eq!((m.get)(&x), v, "{}", m.key);
            for other in MEASURES.iter().filter(|o| o.key != m.key) {
                assert_eq!(
                    (other.get)(&x).to_bits(),
                    (other.get)(&base).to_bits(),
                    "setting {} changed {}",
                    m.key,
                    other.key
                );
            }
        }
    }
}
