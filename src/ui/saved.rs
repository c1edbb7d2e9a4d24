//! Saved scenarios in the browser's `localStorage`, one storage key per scenario so that one
//! damaged entry can never take the others with it.
//!
//! Each entry is stored under `recovery-lab.saved.<id>` as a small JSON object with a schema
//! version:
//!
//! ```json
//! {"app":"recovery-lab","schema":1,"name":"Dine-in two weeks longer","link":"v=1&model=1.0.0&preset=…"}
//! ```
//!
//! The scenario itself is kept as its share link (the query, without `?`): the link format is
//! versioned and decoded forever (`tests/links/`), so a scenario saved today opens in every
//! later release, and a link made by an older model says so when it is loaded. An entry that
//! cannot be read (not JSON, another app's or a later schema, no name, a link with problems) is
//! reported and skipped; it is never deleted, so a later release may still read it.

use crate::json::{self, Object, ToJson, Value};
use crate::scenario::link::{self, Named};

use super::state::PageNote;

/// Prefix of every storage key this page writes.
pub const KEY_PREFIX: &str = "recovery-lab.saved.";
/// Version of the stored object. A reader of version N reads every version up to N.
pub const SCHEMA_VERSION: u64 = 1;
/// The `app` field: tells our entries from another page's under a similar key.
const APP: &str = "recovery-lab";
/// Longest name kept, in characters.
pub const MAX_NAME_CHARS: usize = 80;

/// One saved scenario, as read back.
#[derive(Clone, Debug, PartialEq)]
pub struct SavedEntry {
    /// The storage key.
    pub key: String,
    pub name: String,
    /// The scenario's link (query without `?`).
    pub link: String,
    /// The scenario, decoded from `link`.
    pub named: Named,
}

/// The stored object, as written (the fields in the order of the module's example).
struct Stored<'a> {
    name: String,
    link: &'a str,
}

impl ToJson for Stored<'_> {
    fn to_json(&self) -> Value {
        Object::new()
            .with("app", APP)
            .with("schema", &SCHEMA_VERSION)
            .with("name", &self.name)
            .with("link", self.link)
            .build()
    }
}

/// The stored text of a new entry.
pub fn entry_json(name: &str, link: &str) -> String {
    json::to_string(&Stored {
        name: clean_name(name),
        link,
    })
}

/// A name as stored: whitespace trimmed, at most [`MAX_NAME_CHARS`] characters.
pub fn clean_name(name: &str) -> String {
    name.trim().chars().take(MAX_NAME_CHARS).collect()
}

/// Why a stored entry is skipped. Said in the reader's language; the parser's own detail
/// (`json::Error`, in English) stays as it is, inside the sentence.
#[derive(Clone, Debug, PartialEq)]
pub enum SkipReason {
    /// The text is not JSON (or names a field twice); the parser's message.
    NotJson(String),
    NotObject,
    /// Another page's entry under a similar key.
    NotOurs,
    NoSchema,
    /// Written by a later release; this page reads up to [`SCHEMA_VERSION`].
    NewerSchema(u64),
    SchemaZero,
    NoName,
    NoLink,
    /// The stored link has a problem: the link decoder's own sentence in each language.
    BadLink {
        zh: String,
        en: String,
    },
}

impl SkipReason {
    /// One sentence, in Chinese (`zh`) or English.
    pub fn message(&self, zh: bool) -> String {
        let pick = |c: &str, e: &str| if zh { c.to_string() } else { e.to_string() };
        match self {
            SkipReason::NotJson(detail) => {
                if zh {
                    format!("内容不是JSON（{detail}）")
                } else {
                    format!("not JSON ({detail})")
                }
            }
            SkipReason::NotObject => pick("内容不是JSON对象", "not a JSON object"),
            SkipReason::NotOurs => pick("不是复苏实验室保存的条目", "not a Recovery Lab entry"),
            SkipReason::NoSchema => pick("缺少格式版本（schema）", "no schema version"),
            SkipReason::NewerSchema(v) => {
                if zh {
                    format!("格式版本{v}比本页面支持的{SCHEMA_VERSION}更新，请用新版页面打开")
                } else {
                    format!("schema version {v}, newer than this page's {SCHEMA_VERSION}: open it with a newer release")
                }
            }
            SkipReason::SchemaZero => pick("格式版本为0，无效", "schema version 0"),
            SkipReason::NoName => pick("缺少名称", "no name"),
            SkipReason::NoLink => pick("缺少情景链接", "no link"),
            SkipReason::BadLink { zh: z, en } => pick(z, en),
        }
    }
}

/// Reads one stored entry; `Err` says why it is skipped.
pub fn parse_entry(key: &str, text: &str) -> Result<SavedEntry, SkipReason> {
    let whole = json::parse(text).map_err(|e| SkipReason::NotJson(e.to_string()))?;
    let Ok(mut fields) = whole.fields() else {
        return Err(SkipReason::NotObject);
    };
    // Each field judged on its own, so that a field of the wrong type says which field it is
    // (as the skip reasons do); fields of a later release pass, a field written twice does not.
    let (app, schema, name, link) = (
        fields.opt("app"),
        fields.opt("schema"),
        fields.opt("name"),
        fields.opt("link"),
    );
    fields
        .finish_open()
        .map_err(|e| SkipReason::NotJson(e.to_string()))?;
    fn string(v: Option<&Value>) -> Option<&str> {
        v.and_then(|v| v.as_str().ok())
    }
    if string(app) != Some(APP) {
        return Err(SkipReason::NotOurs);
    }
    let schema = schema
        .and_then(|v| v.as_u64().ok())
        .ok_or(SkipReason::NoSchema)?;
    if schema > SCHEMA_VERSION {
        return Err(SkipReason::NewerSchema(schema));
    }
    if schema == 0 {
        return Err(SkipReason::SchemaZero);
    }
    let name = string(name)
        .map(clean_name)
        .filter(|n| !n.is_empty())
        .ok_or(SkipReason::NoName)?;
    let link = string(link).ok_or(SkipReason::NoLink)?;
    let decoded = link::decode(link);
    // A saved entry was written by this page: a notice means it was damaged, except the note
    // that the link was made with an older model, which is shown when it is loaded.
    if let Some(n) = decoded
        .notices
        .iter()
        .find(|n| n.problem.code() != "older_model")
    {
        return Err(SkipReason::BadLink {
            zh: n.message(true),
            en: n.message(false),
        });
    }
    Ok(SavedEntry {
        key: key.to_string(),
        name,
        link: link.to_string(),
        named: decoded.state.a,
    })
}

/// Reads every `(key, text)` pair with our prefix, in the order given: the entries that read,
/// and a note for each that does not.
pub fn read_entries(pairs: &[(String, String)]) -> (Vec<SavedEntry>, Vec<PageNote>) {
    let mut entries = Vec::new();
    let mut notes = Vec::new();
    for (key, text) in pairs.iter().filter(|(k, _)| k.starts_with(KEY_PREFIX)) {
        match parse_entry(key, text) {
            Ok(e) => entries.push(e),
            Err(reason) => notes.push(PageNote::SavedSkipped {
                key: key.clone(),
                reason,
            }),
        }
    }
    crate::small_sort::sort_by(&mut entries, |a, b| (&a.name, &a.key) < (&b.name, &b.key));
    (entries, notes)
}

// Storage

fn storage() -> Result<web_sys::Storage, String> {
    let window = web_sys::window().ok_or("no window")?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("localStorage is not available".into()),
        Err(e) => Err(format!("localStorage is blocked: {}", js_text(&e))),
    }
}

fn js_text(v: &wasm_bindgen::JsValue) -> String {
    v.as_string()
        .or_else(|| {
            js_sys::Reflect::get(v, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{v:?}"))
}

/// Every saved entry in the browser, and what was skipped.
pub fn load_all() -> (Vec<SavedEntry>, Vec<PageNote>) {
    let storage = match storage() {
        Ok(s) => s,
        Err(detail) => return (Vec::new(), vec![PageNote::StorageUnavailable { detail }]),
    };
    let n = storage.length().unwrap_or(0);
    let pairs: Vec<(String, String)> = (0..n)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(KEY_PREFIX))
        .filter_map(|k| {
            let v = storage.get_item(&k).ok().flatten()?;
            Some((k, v))
        })
        .collect();
    read_entries(&pairs)
}

/// Saves a new entry; returns its key.
pub fn save_new(name: &str, link: &str) -> Result<String, PageNote> {
    let storage = storage().map_err(|detail| PageNote::StorageUnavailable { detail })?;
    // A key that no other entry uses: the time in ms, then a counter on collision.
    let now = js_sys::Date::now() as u64;
    let mut key = format!("{KEY_PREFIX}{now}");
    let mut i = 1;
    while storage.get_item(&key).ok().flatten().is_some() {
        key = format!("{KEY_PREFIX}{now}-{i}");
        i += 1;
    }
    storage
        .set_item(&key, &entry_json(name, link))
        .map_err(|e| PageNote::StorageUnavailable {
            detail: js_text(&e),
        })?;
    Ok(key)
}

/// Renames a readable entry (its scenario is kept as stored).
pub fn rename(entry: &SavedEntry, name: &str) -> Result<(), PageNote> {
    let storage = storage().map_err(|detail| PageNote::StorageUnavailable { detail })?;
    storage
        .set_item(&entry.key, &entry_json(name, &entry.link))
        .map_err(|e| PageNote::StorageUnavailable {
            detail: js_text(&e),
        })
}

/// Deletes one entry, and only that one.
pub fn delete(key: &str) -> Result<(), PageNote> {
    let storage = storage().map_err(|detail| PageNote::StorageUnavailable { detail })?;
    storage
        .remove_item(key)
        .map_err(|e| PageNote::StorageUnavailable {
            detail: js_text(&e),
        })
}
