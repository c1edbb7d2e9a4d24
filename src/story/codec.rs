//! A story as a link (docs/story-format.md, "Story links"): `story=ID` for a built-in story,
//! `story=1.DATA` for a teacher's own (DATA: the story's JSON, deflated (RFC 1951) and written
//! in URL-safe base64 without padding; `1` is the version of this encoding), then optionally
//! `lang=zh|en`, and `step=N` (from 1) last, so that the link always ends in a digit.
//!
//! Reading never fails whole: a story that cannot be read gives notices and no story; the page
//! then opens as it would without `story=`.

use super::{builtin, from_json, Story, StoryNotice, StoryProblem};
use crate::scenario::link::{percent_decode, Language};

/// Longest story link read, in bytes (the whole text given, URL included). Longer than a
/// scenario link's 4,000: a teacher's story carries texts in two languages. See
/// docs/story-format.md for why 6,000.
pub const MAX_STORY_LINK_LENGTH: usize = 6000;

/// Largest story JSON an inline link may unpack to (a bound on a hostile link's work).
pub const MAX_STORY_JSON_BYTES: usize = 200_000;

/// The version of the inline encoding this code writes.
pub const INLINE_VERSION: u32 = 1;

/// Where an opened story came from: what its link holds.
#[derive(Clone, Debug, PartialEq)]
pub enum Source {
    /// A built-in story, by id.
    Builtin(String),
    /// A story carried in the link: the value of `story=` (`1.DATA`).
    Inline(String),
    /// A story opened from a file on a page that could not make its link: it has no link.
    Unlinked,
}

impl Source {
    /// The value of `story=`.
    pub fn value(&self) -> &str {
        match self {
            Source::Builtin(id) => id,
            Source::Inline(v) => v,
            Source::Unlinked => "",
        }
    }
}

/// A story opened from a link: the story, where it came from, the step to show (from 0).
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub story: Story,
    pub source: Source,
    pub step: usize,
}

/// What the story keys of a link hold.
#[derive(Clone, Debug, PartialEq)]
pub struct FromLink {
    /// `None` when the story could not be read (see `notices`).
    pub opened: Option<Opened>,
    pub notices: Vec<StoryNotice>,
}

/// `story=1.DATA` for `story` (the value of `story=`). Native only: the page compresses with
/// the browser's own compressor and [`inline_value_of_deflated`].
#[cfg(not(target_arch = "wasm32"))]
pub fn inline_value(story: &Story) -> String {
    let json = story.to_json();
    inline_value_of_deflated(&miniz_oxide::deflate::compress_to_vec(json.as_bytes(), 10))
}

/// `1.DATA` for a story's JSON ([`Story::to_json`]) already compressed as raw DEFLATE (the
/// page compresses with the browser's own compressor).
pub fn inline_value_of_deflated(packed: &[u8]) -> String {
    format!("{INLINE_VERSION}.{}", base64url(packed))
}

/// The query (without `?`) of a story link at `step` (from 0).
pub fn query(source: &Source, step: usize, lang: Option<Language>) -> String {
    let mut q = format!("story={}", source.value());
    if let Some(l) = lang {
        q.push_str("&lang=");
        q.push_str(l.code());
    }
    q.push_str(&format!("&step={}", step + 1));
    q
}

/// The query of a teacher's story as a link (inline) at its first step. Native only.
#[cfg(not(target_arch = "wasm32"))]
pub fn inline_query(story: &Story) -> String {
    query(&Source::Inline(inline_value(story)), 0, None)
}

/// Reads the story keys of a link (a whole URL, `?query`, `#fragment` or a bare query).
/// `None` when the link has no `story=`: it is a plain scenario link.
pub fn read_link(input: &str) -> Option<FromLink> {
    if input.len() > MAX_STORY_LINK_LENGTH {
        // Only a story link may be this long: say so if it is one.
        return input.contains("story=").then(|| FromLink {
            opened: None,
            notices: vec![StoryNotice {
                step: None,
                problem: StoryProblem::TooLong {
                    length: input.len(),
                    max: MAX_STORY_LINK_LENGTH,
                },
            }],
        });
    }
    let pairs = pairs(input);
    let story_value = pairs.iter().find(|(k, _)| k == "story").map(|(_, v)| v)?;
    let step_value = pairs.iter().find(|(k, _)| k == "step").map(|(_, v)| v);
    let mut notices = Vec::new();
    let (story, source) = match read_story_value(story_value, &mut notices) {
        Some(x) => x,
        None => {
            return Some(FromLink {
                opened: None,
                notices,
            })
        }
    };
    let count = story.steps.len();
    let step = match step_value {
        None => 0,
        Some(v) => match v.parse::<usize>() {
            Ok(n) if (1..=count).contains(&n) && !v.starts_with('0') => n - 1,
            _ => {
                notices.push(StoryNotice {
                    step: None,
                    problem: StoryProblem::NoSuchStep {
                        given: v.chars().take(20).collect(),
                        count,
                    },
                });
                0
            }
        },
    };
    Some(FromLink {
        opened: Some(Opened {
            story,
            source,
            step,
        }),
        notices,
    })
}

/// A built-in id or `1.DATA`.
fn read_story_value(value: &str, notices: &mut Vec<StoryNotice>) -> Option<(Story, Source)> {
    if let Some(story) = builtin::get(value) {
        return Some((story.clone(), Source::Builtin(value.to_string())));
    }
    if builtin::IDS.contains(&value) {
        // Only the page can get here: its built-in stories are files it fetches, and this one
        // did not arrive (offline and not cached, or the server did not send it).
        notices.push(StoryNotice {
            step: None,
            problem: StoryProblem::NotLoaded {
                id: value.to_string(),
            },
        });
        return None;
    }
    let Some((version, data)) = value.split_once('.') else {
        notices.push(StoryNotice {
            step: None,
            problem: StoryProblem::UnknownStory {
                id: value.chars().take(40).collect(),
            },
        });
        return None;
    };
    let bad = |notices: &mut Vec<StoryNotice>, detail: String| {
        notices.push(StoryNotice {
            step: None,
            problem: StoryProblem::BadEncoding { detail },
        });
        None
    };
    if version != INLINE_VERSION.to_string() {
        return bad(
            notices,
            format!(
                "encoding version “{}”, this page reads {INLINE_VERSION}",
                version.chars().take(10).collect::<String>()
            ),
        );
    }
    let Some(packed) = from_base64url(data) else {
        return bad(notices, "not URL-safe base64".into());
    };
    let json = match super::inflate::inflate(&packed, MAX_STORY_JSON_BYTES) {
        Ok(j) => j,
        Err(e) => return bad(notices, format!("the compressed data is damaged: {e}")),
    };
    let Ok(text) = String::from_utf8(json) else {
        return bad(notices, "not UTF-8 text".into());
    };
    let read = from_json(&text);
    notices.extend(read.notices);
    read.story.map(|s| (s, Source::Inline(value.to_string())))
}

/// The link's `key=value` pairs, cleaned as the scenario decoder cleans them (whitespace
/// removed, surrounding punctuation cut, `&amp;` read as `&`, percent-encoding undone).
fn pairs(input: &str) -> Vec<(String, String)> {
    let cleaned: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    let trimmed = cleaned
        .trim_start_matches(['<', '(', '"', '\'', '['])
        .trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '>', '"', '\'']);
    let (before, fragment) = match trimmed.split_once('#') {
        Some((b, f)) => (b, f),
        None => (trimmed, ""),
    };
    let query = match before.find('?') {
        Some(i) => &before[i + 1..],
        None if before.contains("://") => "",
        None => before,
    };
    let query = if query.is_empty() { fragment } else { query };
    query
        .split('&')
        .filter_map(|part| {
            let part = part.strip_prefix("amp;").unwrap_or(part);
            let (k, v) = part.split_once('=')?;
            Some((percent_decode(k), percent_decode(v)))
        })
        .collect()
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// URL-safe base64 (RFC 4648 §5) without padding.
pub fn base64url(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (u32::from(b) << (16 - 8 * i)));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

/// The bytes of URL-safe base64 without padding (standard `+` `/` and `=` padding are read
/// too, as some tools rewrite them); `None` for anything else.
pub fn from_base64url(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let digit = |c: u8| -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'-' | b'+' => 62,
            b'_' | b'/' => 63,
            _ => return None,
        } as u32)
    };
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= digit(c)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..70 {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 37 + 11) as u8).collect();
            let text = base64url(&bytes);
            assert!(text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            assert_eq!(from_base64url(&text), Some(bytes), "{len}");
        }
        assert_eq!(base64url(b"Man"), "TWFu");
        assert_eq!(base64url(b"Ma"), "TWE");
        assert_eq!(from_base64url("TWE="), Some(b"Ma".to_vec()));
        assert_eq!(from_base64url("TWFuT"), None);
        assert_eq!(from_base64url("TW.u"), None);
    }

    #[test]
    fn a_link_without_story_is_not_a_story_link() {
        assert_eq!(read_link("?v=1&preset=no-controls"), None);
        assert_eq!(read_link(""), None);
    }
}
