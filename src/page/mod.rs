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

/// Lines read from the top of a page for its headline.
const HEADLINE_LINES: usize = 12;
/// Words a headline has at least ("Log In", "GettyImages-123" are not one)…
const HEADLINE_MIN_WORDS: usize = 4;
/// … and at most (more is the first paragraph).
const HEADLINE_MAX_WORDS: usize = 25;
/// A headline's visible characters are at least this many tenths letters
/// (seven: "Oil spill: BP caps the well" is one, a line of figures or
/// "GettyImages-1234567 / AFP" is not).
const HEADLINE_LETTER_TENTHS: usize = 7;

impl Page {
    /// The article's headline as a reader names it: the front matter's
    /// title, else the first of the page's top lines that is not furniture
    /// and reads as a headline (4 to 25 words, letters mostly, no closing
    /// full stop). `None` when no line qualifies.
    pub fn headline(&self, doc: &Document) -> Option<String> {
        if let Some(t) = doc.meta.title.as_deref().map(str::trim).filter(|t| !t.is_empty()) {
            return Some(t.to_string());
        }
        let text = doc.text.get(doc.body.clone())?;
        let mut at = doc.body.start;
        for line in text.split_inclusive('\n').take(HEADLINE_LINES) {
            let range = at..at + line.len();
            at += line.len();
            let l = line.trim();
            if l.is_empty()
                || self
                    .furniture_spans()
                    .iter()
                    .any(|f| f.range.start < range.end && range.start < f.range.end)
            {
                continue;
            }
            if headline_like(l) {
                return Some(l.to_string());
            }
        }
        None
    }
}

/// A line that reads as a headline (see [`Page::headline`]).
fn headline_like(l: &str) -> bool {
    let words = l.split_whitespace().count();
    let letters = l.chars().filter(|c| c.is_alphabetic()).count();
    let visible = l.chars().filter(|c| !c.is_whitespace()).count();
    (HEADLINE_MIN_WORDS..=HEADLINE_MAX_WORDS).contains(&words)
        && letters * 10 >= visible * HEADLINE_LETTER_TENTHS
        && !l.ends_with('.')
        && l.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_numeric() || c == '\u{2018}' || c == '"')
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

#[cfg(test)]
mod tests {
    use super::*;

    fn headline(text: &str) -> Option<String> {
        let d = Document::from_text("d", text);
        analyse(&d).headline(&d)
    }

    #[test]
    fn the_headline_is_the_first_line_that_reads_as_one() {
        assert_eq!(
            headline("Parliament passes the pension reform after a night of debate\n\nThe vote came at dawn.")
                .as_deref(),
            Some("Parliament passes the pension reform after a night of debate")
        );
        // a photo id, a menu word and a sentence are no headline
        assert_eq!(
            headline(
                "GettyImages-1239740939\nLog In\nFirefighters contain the Valencia fire on its fourth day\nIt burned."
            )
            .as_deref(),
            Some("Firefighters contain the Valencia fire on its fourth day")
        );
        assert_eq!(
            headline("The fire was contained on Sunday after four days of work by crews.\n"),
            None
        );
        assert_eq!(headline(""), None);
        assert_eq!(headline("12:45 2010-06-01 09:00 GMT 7\n"), None);
    }

    #[test]
    fn a_headline_is_seven_tenths_letters() {
        // 14 letters of 20 visible characters, then 13
        assert!(headline_like("Abcd efgh ijkl mn 123456"));
        assert!(!headline_like("Abcd efgh ijkl m 1234567"));
    }
}
