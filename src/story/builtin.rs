//! The built-in stories, written for a class: JSON files in `stories/` (the documented format,
//! so they double as examples for teachers), opened by id (`?story=ID`).
//! `tests/stories.rs` checks every claim their texts make against the engine.
//!
//! Natively (the tests, the runner) the files are compiled in. The page does not carry them in
//! its wasm (their text would be ≈ 6 KB of it, gzipped): Trunk copies `stories/` next to the
//! page, the page fetches a story's file when a story link opens or the Stories menu lists
//! them (`ui::story_files`), and hands the text to [`add`]. [`get`] then finds it as natively.

use super::{from_json, Story};

/// The built-in stories' ids, in the order the Stories menu lists them. Each is the file
/// `stories/ID.json`.
pub const IDS: [&str; 3] = ["zoning-vs-lockdown", "vouchers-pay", "shutdown-projects"];

/// Where the page fetches the built-in story `id`, relative to the page.
pub fn path(id: &str) -> String {
    format!("stories/{id}.json")
}

/// The story of a built-in story's file, or why the file is not the story `id`.
pub fn read(id: &str, text: &str) -> Result<Story, String> {
    let read = from_json(text);
    match read.story {
        Some(s) if s.id == id => Ok(s),
        Some(s) => Err(format!("the file holds the story “{}”, not “{id}”", s.id)),
        None => Err(read
            .notices
            .first()
            .map_or_else(|| "not a story".to_string(), |n| n.message(false))),
    }
}

/// The built-in stories' files, in menu order (native builds only; the page fetches them).
#[cfg(not(target_arch = "wasm32"))]
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
/// is left out rather than break the runner.
#[cfg(not(target_arch = "wasm32"))]
pub fn all() -> &'static [Story] {
    use std::sync::OnceLock;
    static STORIES: OnceLock<Vec<Story>> = OnceLock::new();
    STORIES.get_or_init(|| {
        FILES
            .iter()
            .filter_map(|(id, text)| read(id, text).ok())
            .collect()
    })
}

/// The built-in story `id`.
#[cfg(not(target_arch = "wasm32"))]
pub fn get(id: &str) -> Option<&'static Story> {
    all().iter().find(|s| s.id == id)
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    /// The built-in stories the page has fetched so far (at most one of each id: kept for the
    /// page's lifetime, as the compiled-in ones are natively).
    static LOADED: std::cell::RefCell<Vec<&'static Story>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The built-in story `id`, if the page has fetched it.
#[cfg(target_arch = "wasm32")]
pub fn get(id: &str) -> Option<&'static Story> {
    LOADED.with(|l| l.borrow().iter().copied().find(|s| s.id == id))
}

/// The built-in stories the page has fetched, in menu order.
#[cfg(target_arch = "wasm32")]
pub fn loaded() -> Vec<&'static Story> {
    IDS.iter().filter_map(|id| get(id)).collect()
}

/// Reads the fetched file of the built-in story `id` and keeps the story for [`get`].
#[cfg(target_arch = "wasm32")]
pub fn add(id: &str, text: &str) -> Result<(), String> {
    if !IDS.contains(&id) {
        return Err(format!("“{id}” is not a built-in story"));
    }
    if get(id).is_some() {
        return Ok(());
    }
    let story: &'static Story = Box::leak(Box::new(read(id, text)?));
    LOADED.with(|l| l.borrow_mut().push(story));
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_ids_are_the_files_in_stories_in_menu_order() {
        assert_eq!(FILES.map(|(id, _)| id), IDS);
        // Trunk copies the whole folder: every file in it is a built-in story the page can
        // fetch, and every built-in story has its file there.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/stories");
        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        on_disk.sort();
        let mut wanted: Vec<String> = IDS.iter().map(|id| format!("{id}.json")).collect();
        wanted.sort();
        assert_eq!(on_disk, wanted);
        assert_eq!(path("vouchers-pay"), "stories/vouchers-pay.json");
        assert_eq!(all().len(), IDS.len());
    }

    #[test]
    fn a_file_is_only_the_story_of_its_own_id() {
        let (id, text) = FILES[0];
        assert_eq!(read(id, text).unwrap().id, id);
        let wrong = read(IDS[1], text).unwrap_err();
        assert!(wrong.contains(id) && wrong.contains(IDS[1]), "{wrong}");
        assert!(!read(id, "{ not json").unwrap_err().is_empty());
        assert!(!read(id, "<!doctype html><p>404</p>")
            .unwrap_err()
            .is_empty());
    }
}
