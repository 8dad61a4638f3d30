//! Page structure: what of a scraped page is not the article (bylines,
//! related headlines, widgets, page stamps, copyright lines, readers'
//! comments), found once per document.
//!
//! It sits below `anchor` and `order` in the pipeline and depends only on
//! ingest-level types: both stages take the one [`Page`] analysis of a
//! document as input, so it is computed once per build.

pub mod furniture;

use crate::ingest::Document;
use furniture::PageFurniture;

/// Everything the page structure tells about one document.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Page {
    /// Its furniture: spans that are not the article, relative page stamps
    /// and copyright notices (what `anchor` reads; `order` needs the spans).
    pub furniture: PageFurniture,
}

impl Page {
    /// The furniture spans, in text order (dates there are not events).
    pub fn furniture_spans(&self) -> &[furniture::Furniture] {
        &self.furniture.spans
    }
}

/// Analyse one document's page structure.
pub fn analyse(doc: &Document) -> Page {
    Page {
        furniture: furniture::analyse(doc),
    }
}

/// Analyse every document's page structure, in parallel, in input order.
pub fn analyse_all(docs: &[Document]) -> Vec<Page> {
    use rayon::prelude::*;
    docs.par_iter().map(analyse).collect()
}
