//! Text: folding Arabic (and any script) for matching, with a way back to the original,
//! and finding quotes in their sources.

pub mod controls;
pub mod fold;
pub mod needles;
pub mod quote;

pub use controls::visible;
pub use fold::{Folded, GlyphMap, Mode, fold, fold_with};
pub use quote::{NearMiss, QuoteIndex};
