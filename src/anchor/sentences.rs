//! One document's sentences, split once, and what is read off each sentence
//! kept for the next mention in it: a page with thousands of dates in one
//! long sentence (a flattened timeline) is read in linear time, not once per
//! mention (issue 14).
//!
//! The boundaries are [`crate::text::Sentences`], found in one pass and
//! answering exactly as [`crate::text::sentence`] does.

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::sync::Arc;

use super::cues::{lower_words, proper_nouns, topic_words};
use crate::text::Sentences;

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
    split: Option<Sentences<'t>>,
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
        self.split.get_or_insert_with(|| Sentences::new(text)).at(r.clone())
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
