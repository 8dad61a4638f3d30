//! Page furniture: the parts of a scraped page that are not the article
//! (bylines, "More from", related headlines, ads, reading time, page stamps,
//! copyright lines). Dates in furniture are not events of the article.
//!
//! SCAFFOLD: the signature is the contract; detection lands with issue 3.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::ingest::Document;

/// What kind of furniture a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FurnitureKind {
    /// Byline, author box.
    Byline,
    /// "More from", "You may also like", "Trending", lists of related headlines.
    Related,
    /// Advertisements, "Loading...", "Log In", comment counters.
    Chrome,
    /// "3 minute read".
    ReadingTime,
    /// "Published 1 day ago", "Updated 2 hours ago".
    PageStamp,
    /// "© 2024 …".
    Copyright,
}

/// One span of furniture.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Furniture {
    /// Byte range in the document text.
    pub range: Range<usize>,
    /// What it is.
    pub kind: FurnitureKind,
}

/// Find the furniture in a document's body, in text order.
pub fn detect(_doc: &Document) -> Vec<Furniture> {
    Vec::new()
}
