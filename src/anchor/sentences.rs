//! One document's sentences, split once, and what is read off each sentence
//! kept for the next mention in it: a page with thousands of dates in one
//! long sentence (a flattened timeline) is read in linear time, not once per
//! mention (issue 14).
//!
//! [`Sentences::sentence`] gives exactly what [`crate::text::sentence`]
//! gives, from boundaries found in one pass over the text.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::sync::Arc;

use super::cues::{lower_words, proper_nouns, topic_words};

/// The sentence boundaries of one text.
#[derive(Debug, Clone, Default)]
pub(super) struct Sentences {
    /// Where a sentence may start: 0 and the byte after each newline or
    /// sentence end, ascending.
    starts: Vec<usize>,
    /// Newlines, ascending.
    newlines: Vec<usize>,
    /// Sentence-ending `.`, `!`, `?`, ascending.
    ends: Vec<usize>,
}

/// `b[i]` (a `.`, `!` or `?`) ends a sentence: white space or the end
/// follows, and a `.` does not close an abbreviation (one letter, or a short
/// capitalised word before a number: "Oct. 5") — as [`crate::text::sentence`].
fn ends_here(b: &[u8], i: usize) -> bool {
    if !b.get(i + 1).is_none_or(|x| x.is_ascii_whitespace()) {
        return false;
    }
    if b[i] != b'.' {
        return true;
    }
    let mut k = i;
    while k > 0 && b[k - 1].is_ascii_alphabetic() {
        k -= 1;
    }
    let word = &b[k..i];
    let abbreviation = (word.len() == 1)
        || (word.len() <= 3
            && word.first().is_some_and(|c| c.is_ascii_uppercase())
            && word.len() > 1
            && b.get(i + 2).is_some_and(|c| c.is_ascii_digit()));
    !abbreviation
}

impl Sentences {
    /// Split `text` into sentences.
    pub(super) fn new(text: &str) -> Sentences {
        let b = text.as_bytes();
        let mut out = Sentences {
            starts: vec![0],
            ..Sentences::default()
        };
        for (i, &c) in b.iter().enumerate() {
            if c == b'\n' {
                out.newlines.push(i);
                out.starts.push(i + 1);
            } else if matches!(c, b'.' | b'!' | b'?') && ends_here(b, i) {
                out.ends.push(i);
                out.starts.push(i + 1);
            }
        }
        out
    }

    /// The sentence around a byte range (as [`crate::text::sentence`]).
    pub(super) fn sentence(&self, text: &str, r: &Range<usize>) -> Range<usize> {
        let len = text.len();
        let from = r.start.min(len);
        // the last start at or before the range
        let k = self.starts.partition_point(|&s| s <= from);
        let mut s = k.checked_sub(1).and_then(|k| self.starts.get(k)).copied().unwrap_or(0);
        let to = r.end.min(len);
        // the first newline (the sentence stops before it) or sentence end
        // (the sentence takes it) at or after the range's end
        let nl = self.newlines.get(self.newlines.partition_point(|&p| p < to)).copied();
        let end = self.ends.get(self.ends.partition_point(|&p| p < to)).map(|p| p + 1);
        let mut e = match (nl, end) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) => a,
            (None, Some(b)) => b,
            (None, None) => len,
        }
        .max(to);
        while s > 0 && !text.is_char_boundary(s) {
            s -= 1;
        }
        while e < len && !text.is_char_boundary(e) {
            e += 1;
        }
        s..e
    }
}

/// What starts of events a sentence names, with its names.
#[derive(Debug, Clone)]
pub(super) struct StartWords {
    /// The event groups whose start the sentence's words mark, sorted.
    pub(super) groups: Vec<String>,
    /// The sentence's names ([`proper_nouns`]).
    pub(super) nouns: Arc<BTreeSet<String>>,
}

/// One document's sentences and what was read off each, kept.
#[derive(Debug)]
pub(super) struct SentenceCache<'t> {
    text: &'t str,
    split: Option<Sentences>,
    content: HashMap<(usize, usize), Arc<BTreeSet<String>>>,
    starts: HashMap<(usize, usize), Arc<StartWords>>,
}

impl<'t> SentenceCache<'t> {
    /// An empty cache over `text` (split on first use).
    pub(super) fn new(text: &'t str) -> SentenceCache<'t> {
        SentenceCache {
            text,
            split: None,
            content: HashMap::new(),
            starts: HashMap::new(),
        }
    }

    /// The sentence around a byte range.
    pub(super) fn sentence(&mut self, r: &Range<usize>) -> Range<usize> {
        let text = self.text;
        self.split.get_or_insert_with(|| Sentences::new(text)).sentence(text, r)
    }

    /// The topic words ([`topic_words`]) of the sentence around a byte range.
    pub(super) fn topic_words(&mut self, r: &Range<usize>) -> Arc<BTreeSet<String>> {
        let s = self.sentence(r);
        let text = self.text;
        self.content
            .entry((s.start, s.end))
            .or_insert_with(|| Arc::new(topic_words(&text[s])))
            .clone()
    }

    /// The starts of event groups the sentence around a byte range marks
    /// (`start` words of `grammar/anchor_events.txt`), and its names.
    pub(super) fn start_words(&mut self, r: &Range<usize>, lex: &super::cues::EventLexicon) -> Arc<StartWords> {
        let s = self.sentence(r);
        let text = self.text;
        self.starts
            .entry((s.start, s.end))
            .or_insert_with(|| {
                let sentence = &text[s];
                let mut groups: BTreeSet<&String> = BTreeSet::new();
                for w in &lower_words(sentence) {
                    if let Some(gs) = lex.start.get(w) {
                        groups.extend(gs.iter());
                    }
                }
                Arc::new(StartWords {
                    groups: groups.into_iter().cloned().collect(),
                    nouns: Arc::new(proper_nouns(sentence)),
                })
            })
            .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn sentences_are_those_of_the_text_module() {
        let texts = [
            "Talks were held on Oct. 5, 2016 in Geneva. A vote is due! Is it? Yes.\nNew line here",
            "No end at all, on March 3 and on March 4 and J. Smith said so",
            "é. ü! Mr. X met on 5 p.m. the U.S. team.  Then\n\nmore. x.",
            "",
            ".",
            "Ends with a period.",
        ];
        for t in texts {
            let split = Sentences::new(t);
            for a in 0..=t.len() {
                for b in a..=(a + 12).min(t.len()) {
                    if !t.is_char_boundary(a) || !t.is_char_boundary(b) {
                        continue;
                    }
                    assert_eq!(
                        split.sentence(t, &(a..b)),
                        crate::text::sentence(t, a..b),
                        "{t:?} at {a}..{b}"
                    );
                }
            }
        }
    }
}
