//! The page's components, one per file.

pub mod chart_canvas;
pub mod chart_table;
pub mod date_field;
pub mod district_map;
pub mod district_picker;
pub mod error_banner;
pub mod header;
pub mod help_panel;
pub mod interval_editor;
pub mod lever_panel;
pub mod link_notices;
pub mod measures_editor;
pub mod number_field;
pub mod page_notes;
pub mod param_list;
pub mod plan_table;
pub mod playback_bar;
pub mod presentation;
pub mod qr_code;
pub mod results_panel;
pub mod saved_panel;
pub mod share_dialog;
pub mod summary_cards;
pub mod toolbar;
pub mod voucher_waves;
pub mod zoning_editor;
