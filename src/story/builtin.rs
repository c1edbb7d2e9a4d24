//! The built-in stories, written for a class: JSON files in `stories/` (the documented format,
//! so they double as examples for teachers), read once and opened by id (`?story=ID`).
//! `tests/stories.rs` checks every claim their texts make against the engine.

use std::sync::OnceLock;

use super::{from_json, Story};

/// The built-in stories' files, in the order the Stories menu lists them.
pub const FILES: [(&str, &str); 3] = [
    (
        "zoning-vs-lockdown",
        include_str!("../../stories/zoning-vs-lockdown.json"),
    ),
    (
        "vouchers-pay",
        include_str!("../../stories/vouchers-pay.json"),
    ),
    (
        "shutdown-projects",
        include_str!("../../stories/shutdown-projects.json"),
    ),
];

/// Every built-in story, in menu order. A file that does not read (which the tests forbid)
/// is left out rather than break the page.
pub fn all() -> &'static [Story] {
    static STORIES: OnceLock<Vec<Story>> = OnceLock::new();
    STORIES.get_or_init(|| {
        FILES
            .iter()
            .filter_map(|(id, text)| from_json(text).story.filter(|s| s.id == *id))
            .collect()
    })
}

/// The built-in story `id`.
pub fn get(id: &str) -> Option<&'static Story> {
    all().iter().find(|s| s.id == id)
}
