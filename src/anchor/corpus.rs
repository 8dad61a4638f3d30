//! What the whole corpus offers to date one document: the days its articles
//! state with their year, the starts of events they date, and the years a
//! story's articles date, each indexed for lookup.

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

use chrono::{Datelike, NaiveDate, Weekday};

use super::cues::{body_mentions, events, MONTHS};
use super::days::{date, date_day, day, Day};
use super::sentences::SentenceCache;
use super::weights::Weights;
use crate::ingest::Document;
use crate::page::Page;
use crate::resolve::Resolved;
use crate::timex::TimexType;

/// A dated start of an event group somewhere in the corpus.
#[derive(Debug, Clone)]
pub(super) struct DatedStart {
    pub(super) group: String,
    pub(super) doc: usize,
    pub(super) span: Range<usize>,
    pub(super) from: Day,
    pub(super) to: Day,
    pub(super) nouns: Arc<BTreeSet<String>>,
}

/// A day-exact date with its year, somewhere in the corpus, with the content
/// words of its sentence: what a year-less "April 20" elsewhere can link to.
#[derive(Debug, Clone)]
pub(super) struct DatedDay {
    pub(super) doc: usize,
    pub(super) span: Range<usize>,
    pub(super) date: NaiveDate,
    pub(super) words: Arc<BTreeSet<String>>,
}

/// Index of day-exact dated mentions by (month, day).
pub(super) fn dated_days(
    docs: &[Document],
    resolved: &[Vec<Resolved>],
    pages: &[Page],
) -> BTreeMap<(u32, u32), Vec<DatedDay>> {
    let mut out: BTreeMap<(u32, u32), Vec<DatedDay>> = BTreeMap::new();
    for (i, doc) in docs.iter().enumerate() {
        let mut sentences = SentenceCache::new(&doc.text);
        for r in body_mentions(doc, &resolved[i], &pages[i].furniture) {
            let t = &r.timex;
            if t.kind != TimexType::Date || t.has_unknown() {
                continue;
            }
            let (Some(f), Some(to)) = (t.from, t.to) else {
                continue;
            };
            if f != to {
                continue;
            }
            out.entry((f.month(), f.day())).or_default().push(DatedDay {
                doc: i,
                span: r.start..r.end,
                date: f,
                words: sentences.topic_words(&(r.start..r.end)),
            });
        }
    }
    out
}

/// Every start of an event group that the corpus dates.
pub(super) fn dated_starts(docs: &[Document], resolved: &[Vec<Resolved>], pages: &[Page]) -> Vec<DatedStart> {
    let Some(lex) = events() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        let mut sentences = SentenceCache::new(&doc.text);
        for r in body_mentions(doc, &resolved[i], &pages[i].furniture) {
            if r.timex.kind != TimexType::Date || r.timex.has_unknown() {
                continue;
            }
            let (Some(f), Some(t)) = (r.timex.from, r.timex.to) else {
                continue;
            };
            // (the sentence's words and names are read once per sentence)
            let starts = sentences.start_words(&(r.start..r.end), lex);
            for g in &starts.groups {
                out.push(DatedStart {
                    group: g.clone(),
                    doc: i,
                    span: r.start..r.end,
                    from: day(f),
                    to: day(t),
                    nouns: starts.nouns.clone(),
                });
            }
        }
    }
    out
}

/// The days a story's articles date, found through each article's most
/// frequent names: what a year-less article's "June 4" most likely belongs to.
pub(super) struct StoryIndex {
    /// Each document's three most frequent names.
    pub(super) top: Vec<Vec<String>>,
    /// name → the days dated by the documents whose top names include it.
    pub(super) days_by_name: BTreeMap<String, Vec<Day>>,
    /// Days either side within which a story's days vote.
    window: Day,
    /// Votes a year needs.
    min_votes: usize,
    /// How many times the runner-up's votes the leader needs.
    lead: usize,
}

impl StoryIndex {
    pub(super) fn new(
        docs: &[Document],
        days: &BTreeMap<(u32, u32), Vec<DatedDay>>,
        story_of: &[usize],
        k: &Weights,
    ) -> StoryIndex {
        let mut per_doc: Vec<Vec<Day>> = vec![Vec::new(); docs.len()];
        for list in days.values() {
            for d in list {
                if let Some(v) = per_doc.get_mut(d.doc) {
                    v.push(day(d.date));
                }
            }
        }
        // a name counts within one story only (issue 13): "Obama" in two stories is two keys
        let top: Vec<Vec<String>> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let s = story_of.get(i).copied().unwrap_or(0);
                top_names(d.body_text(), k.story_names)
                    .into_iter()
                    .map(|n| format!("{s}\u{1}{n}"))
                    .collect()
            })
            .collect();
        let mut days_by_name: BTreeMap<String, Vec<Day>> = BTreeMap::new();
        for (i, names) in top.iter().enumerate() {
            for n in names {
                days_by_name
                    .entry(n.clone())
                    .or_default()
                    .extend(per_doc[i].iter().copied());
            }
        }
        for v in days_by_name.values_mut() {
            v.sort_unstable();
        }
        StoryIndex {
            top,
            days_by_name,
            window: k.story_window_days,
            min_votes: k.story_min_votes,
            lead: k.story_lead,
        }
    }

    /// The year in which the story's articles most often date days within
    /// `window` days of `month/day`, if one year clearly leads.
    pub(super) fn year_for(&self, doc: usize, month: u32, dom: u32) -> Option<i32> {
        let mut votes: BTreeMap<i32, usize> = BTreeMap::new();
        for n in self.top.get(doc)? {
            let Some(list) = self.days_by_name.get(n) else { continue };
            let (Some(first), Some(last)) = (list.first(), list.last()) else {
                continue;
            };
            let (y0, y1) = (date(*first)?.year(), date(*last)?.year());
            // a story spans a few years; absurd dates elsewhere must not make this loop long
            let y0 = y0.max(y1 - 50);
            for y in y0..=y1 {
                let Some(c) = date_day(y, month, dom) else { continue };
                let a = list.partition_point(|d| *d < c - self.window);
                let b = list.partition_point(|d| *d <= c + self.window);
                *votes.entry(y).or_default() += b - a;
            }
        }
        let mut v: Vec<(usize, i32)> = votes.into_iter().map(|(y, n)| (n, y)).collect();
        v.sort_unstable_by(|a, b| b.cmp(a));
        match v.as_slice() {
            [(n, y), rest @ ..] if *n >= self.min_votes && rest.first().is_none_or(|(m, _)| *n >= self.lead * *m) => {
                Some(*y)
            }
            _ => None,
        }
    }
}

/// A text's most frequent capitalised names (not sentence openers).
pub(super) fn top_names(s: &str, k: usize) -> Vec<String> {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    let mut sentence_start = true;
    for w in s.split_whitespace() {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        if !sentence_start && core.len() > 2 && core.starts_with(char::is_uppercase) {
            let l = core.to_lowercase();
            if !MONTHS.contains(&l.as_str()) {
                *counts.entry(l).or_default() += 1;
            }
        }
        sentence_start = w.ends_with(['.', '!', '?']);
    }
    let mut v: Vec<(usize, String)> = counts.into_iter().map(|(w, n)| (n, w)).collect();
    v.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    v.into_iter().take(k).map(|(_, w)| w).collect()
}

/// What the whole corpus offers to date one document.
pub(super) struct Corpus<'a> {
    pub(super) docs: &'a [Document],
    pub(super) starts: &'a [DatedStart],
    pub(super) days: &'a BTreeMap<(u32, u32), Vec<DatedDay>>,
    pub(super) doc_nouns: &'a [BTreeSet<String>],
    pub(super) story: &'a StoryIndex,
    pub(super) by_word: &'a WordIndex<'a>,
    pub(super) weights: &'a Weights,
    /// The story of each document: articles link only within one.
    pub(super) story_of: &'a [usize],
}

impl Corpus<'_> {
    /// Whether documents `i` and `j` belong to one story.
    pub(super) fn same_story(&self, i: usize, j: usize) -> bool {
        self.story_of.get(i) == self.story_of.get(j)
    }
}

/// The corpus's day-exact dated tellings, by the content words of their sentences.
pub(super) struct WordIndex<'a> {
    pub(super) all: Vec<&'a DatedDay>,
    pub(super) by_word: BTreeMap<&'a str, Vec<usize>>,
    /// A word in more tellings than this says nothing.
    max_tellings: usize,
    /// Content words a sentence must share with a telling.
    shared_words: usize,
}

impl<'a> WordIndex<'a> {
    pub(super) fn new(days: &'a BTreeMap<(u32, u32), Vec<DatedDay>>, k: &Weights) -> WordIndex<'a> {
        let all: Vec<&DatedDay> = days.values().flatten().collect();
        let mut by_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (k, d) in all.iter().enumerate() {
            for w in d.words.iter() {
                by_word.entry(w.as_str()).or_default().push(k);
            }
        }
        WordIndex {
            all,
            by_word,
            max_tellings: k.event_max_tellings,
            shared_words: k.event_shared_words,
        }
    }

    /// The day another article dates the event a relative weekday of this one
    /// tells ("BP cut the pipe on Thursday" ↔ "on June 3, 2010 BP cut the
    /// pipe"): enough shared content words (`event_shared_words`), the weekday
    /// matching, one best day.
    pub(super) fn weekday_event(
        &self,
        doc: usize,
        words: &BTreeSet<String>,
        wd: Option<Weekday>,
        same_story: &dyn Fn(usize) -> bool,
    ) -> Option<&'a DatedDay> {
        let mut overlap: BTreeMap<usize, usize> = BTreeMap::new();
        for w in words {
            if let Some(list) = self.by_word.get(w.as_str()) {
                // a word in very many tellings says nothing about which event
                if list.len() > self.max_tellings {
                    continue;
                }
                for &k in list {
                    *overlap.entry(k).or_default() += 1;
                }
            }
        }
        let mut best: Option<(usize, NaiveDate, usize)> = None;
        let mut tie = false;
        for (k, n) in overlap {
            let d = self.all[k];
            if n < self.shared_words
                || d.doc == doc
                || !same_story(d.doc)
                || wd.is_some_and(|wd| d.date.weekday() != wd)
            {
                continue;
            }
            match best {
                Some((bn, bd, _)) if n < bn || (n == bn && d.date == bd) => {}
                Some((bn, _, _)) if n == bn => tie = true,
                _ => {
                    best = Some((n, d.date, k));
                    tie = false;
                }
            }
        }
        match (best, tie) {
            (Some((_, _, k)), false) => Some(self.all[k]),
            _ => None,
        }
    }
}
