//! plotters' canvas backend with cached text sizes.
//!
//! `CanvasBackend` has no `estimate_text_size` of its own: plotters' web font code measures each
//! text by appending a `<span>` to `<body>` and reading its `offsetWidth`/`offsetHeight`, a forced
//! style and layout of the whole page, about fifty times per redraw (BENCHMARKS.md). Axis labels,
//! legends and titles repeat from redraw to redraw, so [`CachedTextCanvas`] forwards everything to
//! the canvas backend and keeps the sizes it measured, keyed by text, font family, style and size.
//! A miss measures exactly as before, so the charts look the same. The charts use system fonts
//! (`charts::style::FAMILY`), so a size never changes under the cache.
//!
//! Lines and filled outlines reach the canvas thinned ([`thin_path`]): a point that cannot
//! change the pixels drawn (inside a pixel column's span, or on a straight run) is left out, so
//! a year of days costs a few hundred `lineTo` calls instead of 365 per line.

use std::cell::RefCell;
use std::collections::HashMap;

use plotters::prelude::DrawingBackend;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind,
};
use plotters_canvas::CanvasBackend;
use web_sys::HtmlCanvasElement;

use crate::charts::thin_path;

/// Past this many sizes the cache starts over (a bound for long sessions; a redraw needs ~50).
const MAX_ENTRIES: usize = 4096;

/// (text, family, style, size in bits) → (width, height) in pixels.
type Key = (String, String, String, u64);

thread_local! {
    static SIZES: RefCell<HashMap<Key, (u32, u32)>> = RefCell::new(HashMap::new());
}

/// A [`CanvasBackend`] whose text measurements are cached across redraws.
pub struct CachedTextCanvas {
    inner: CanvasBackend,
}

impl CachedTextCanvas {
    /// Wraps plotters' backend for `canvas`; `None` if it has no 2D context.
    pub fn with_canvas_object(canvas: HtmlCanvasElement) -> Option<Self> {
        CanvasBackend::with_canvas_object(canvas).map(|inner| Self { inner })
    }
}

type Error = <CanvasBackend as DrawingBackend>::ErrorType;

impl DrawingBackend for CachedTextCanvas {
    type ErrorType = Error;

    fn get_size(&self) -> (u32, u32) {
        self.inner.get_size()
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Error>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Error>> {
        self.inner.present()
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Error>> {
        self.inner.draw_pixel(point, color)
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Error>> {
        self.inner.draw_line(from, to, style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Error>> {
        self.inner.draw_rect(upper_left, bottom_right, style, fill)
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Error>> {
        let path: Vec<BackendCoord> = path.into_iter().collect();
        self.inner.draw_path(thin_path(&path), style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Error>> {
        self.inner.draw_circle(center, radius, style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Error>> {
        let vert: Vec<BackendCoord> = vert.into_iter().collect();
        self.inner.fill_polygon(thin_path(&vert), style)
    }

    fn draw_text<S: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &S,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Error>> {
        self.inner.draw_text(text, style, pos)
    }

    fn estimate_text_size<S: BackendTextStyle>(
        &self,
        text: &str,
        style: &S,
    ) -> Result<(u32, u32), DrawingErrorKind<Error>> {
        let key: Key = (
            text.to_owned(),
            style.family().as_str().to_owned(),
            style.style().as_str().to_owned(),
            style.size().to_bits(),
        );
        if let Some(size) = SIZES.with(|s| s.borrow().get(&key).copied()) {
            return Ok(size);
        }
        let size = self.inner.estimate_text_size(text, style)?;
        SIZES.with(|s| {
            let mut sizes = s.borrow_mut();
            if sizes.len() >= MAX_ENTRIES {
                sizes.clear();
            }
            sizes.insert(key, size);
        });
        Ok(size)
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Error>> {
        self.inner.blit_bitmap(pos, size, src)
    }
}
