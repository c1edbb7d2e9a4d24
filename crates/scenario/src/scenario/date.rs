//! Calendar dates as whole days since 1970-01-01 (proleptic Gregorian), written as ISO
//! `YYYY-MM-DD` in scenarios, links and exports. The engine steps one `Date` a day.

use crate::json::{self, FromJson, ToJson, Value};
use std::fmt;
use std::str::FromStr;

/// A calendar day. Ordering and subtraction are by day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

impl Date {
    /// The date for a year, month (1–12) and day (1–31); `None` if it does not exist.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date(days_from_civil(year, month, day)))
    }

    /// Like [`Date::from_ymd`] for dates written in code, which are known to exist.
    pub const fn ymd(year: i32, month: u32, day: u32) -> Date {
        Date(days_from_civil(year, month, day))
    }

    /// Days since 1970-01-01.
    pub fn days_since_epoch(self) -> i32 {
        self.0
    }

    pub fn from_days_since_epoch(days: i32) -> Date {
        Date(days)
    }

    /// (year, month, day).
    pub fn to_ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    pub fn add_days(self, days: i32) -> Date {
        Date(self.0 + days)
    }

    /// Whole days from `earlier` to `self` (negative if `self` is before).
    pub fn days_since(self, earlier: Date) -> i32 {
        self.0 - earlier.0
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(year) => 29,
        _ => 28,
    }
}

// Howard Hinnant's days-from-civil algorithm (public-domain description of the arithmetic).
const fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let m = month as i32;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.to_ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// Why a text is not a date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\" is not a date of the form YYYY-MM-DD", self.0)
    }
}

impl std::error::Error for DateError {}

impl FromStr for Date {
    type Err = DateError;
    fn from_str(s: &str) -> Result<Date, DateError> {
        let err = || DateError(s.chars().take(40).collect());
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(err());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| err())
            } else {
                Err(err())
            }
        };
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        Date::from_ymd(y as i32, m, d).ok_or_else(err)
    }
}

impl FromJson for Date {
    /// `"YYYY-MM-DD"`; anything else is refused with [`DateError`]'s message.
    fn from_json(v: &Value) -> Result<Date, json::Error> {
        v.as_str()?
            .parse()
            .map_err(|e: DateError| v.error(e.to_string()))
    }
}

impl ToJson for Date {
    fn to_json(&self) -> Value {
        self.to_string().to_json()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_every_day_of_a_span() {
        let start = Date::ymd(1999, 12, 25);
        for i in 0..3000 {
            let d = start.add_days(i);
            let text = d.to_string();
            assert_eq!(text.parse::<Date>().unwrap(), d, "{text}");
        }
    }

    #[test]
    fn known_dates() {
        assert_eq!(Date::ymd(1970, 1, 1).days_since_epoch(), 0);
        assert_eq!(Date::ymd(2022, 4, 30).to_string(), "2022-04-30");
        assert_eq!(
            Date::ymd(2022, 12, 31).days_since(Date::ymd(2022, 1, 1)),
            364
        );
        assert_eq!(Date::ymd(2024, 3, 1).days_since(Date::ymd(2024, 2, 1)), 29);
    }

    #[test]
    fn refuses_non_dates() {
        for bad in [
            "2022-02-30",
            "2022-13-01",
            "22-01-01",
            "2022-1-01",
            "2022-01-0x",
            "",
            "2022/01/01",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad}");
        }
    }
}
