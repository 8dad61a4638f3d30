//! The story timeline as a readable Markdown chronology (`out/timeline.md`,
//! `chronology timeline --format md`): one dated entry a section, what
//! happened in the engine's chosen sentences, and the articles that report it.
//!
//! ```text
//! # Timeline
//!
//! ## Thursday 11 June 2009
//!
//! - The World Health Organization declared a global flu pandemic …
//!
//! 11 sources: H1N1_bbc-12 (title), H1N1_guardian-3, … · salience 0.93
//! ```

use std::collections::BTreeMap;
use std::fmt::Write;

use crate::schema::v2::TimelineEntry;

/// Sources listed by name at most; the rest are counted.
const LISTED: usize = 8;

/// The Markdown chronology of `entries` (date order); `titles` names documents.
pub fn timeline(entries: &[TimelineEntry], titles: &BTreeMap<String, String>) -> String {
    let mut out = String::from("# Timeline\n");
    if entries.is_empty() {
        out.push_str("\nNo day-level event was found.\n");
    }
    for e in entries {
        let _ = write!(out, "\n## {}\n\n", e.date.format("%A %-d %B %Y"));
        for s in &e.sentences {
            let _ = writeln!(out, "- {}", escape(s));
        }
        if e.sentences.is_empty() {
            out.push_str("- (no sentence says more than the date)\n");
        }
        let named: Vec<String> = e
            .docs
            .iter()
            .take(LISTED)
            .map(|d| match titles.get(d) {
                Some(t) if !t.is_empty() => format!("{d} ({})", escape(t)),
                _ => d.clone(),
            })
            .collect();
        let more = e.docs.len().saturating_sub(LISTED);
        let tail = if more > 0 {
            format!(", and {more} more")
        } else {
            String::new()
        };
        let noun = if e.sources == 1 { "source" } else { "sources" };
        let _ = write!(
            out,
            "\n{} {noun}: {}{tail} · salience {:.2}\n",
            e.sources,
            named.join(", "),
            e.salience
        );
    }
    out
}

/// Markdown's special characters at a line start or inline, made literal.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_has_its_date_sentences_and_sources() {
        let e = TimelineEntry {
            date: chrono::NaiveDate::from_ymd_opt(2009, 6, 11).expect("date"),
            sentences: vec!["The WHO declared a *pandemic*.".into()],
            salience: 0.931,
            events: vec!["ev-1".into()],
            docs: vec!["a".into(), "b".into()],
            sources: 2,
            features: None,
        };
        let titles = BTreeMap::from([("a".to_string(), "Flu".to_string())]);
        let md = timeline(&[e], &titles);
        assert!(md.contains("## Thursday 11 June 2009"), "{md}");
        assert!(md.contains("- The WHO declared a \\*pandemic\\*."), "{md}");
        assert!(md.contains("2 sources: a (Flu), b · salience 0.93"), "{md}");
    }
}
