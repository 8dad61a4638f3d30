//! Relations between two tellings of one article, read from the words of a
//! sentence: order words and measured durations.
//!
//! ```text
//! order    := <dated E1> (≤ 2 words, no , ; :) BEFORE|AFTER-phrase (≤ 3 words) <dated E2>
//!           | BEFORE|AFTER-phrase <dated E2> , ... <dated E1>      (sentence opener)
//!             before: E1 starts no later than E2 ends;  after: E1 ends no earlier than E2 starts
//! duration := <duration D> FORWARD|BACKWARD-word <reference>   in the sentence of a dated target
//!   reference := <dated E2> right after the word             ("30 years after 1998")
//!              | nothing (", …" or the sentence's end)        ("30 years later"): the dated
//!                                                              event told just before
//!              | a phrase                                      ("30 years after the bridge first
//!                                                              carried cars"): the event of the
//!                                                              same article told with a `begin`
//!                                                              word and a shared word, the only
//!                                                              dated telling of its sentence
//!   target    := the dated telling just before the duration in its sentence (for "later":
//!                the nearest in the sentence)
//!   target.start − reference.start ∈ D (forward) or reference.start − target.start ∈ D (backward)
//! ```
//!
//! Both kinds are read only when one of the two dates writes its year.
//!
//! Vague amounts are bounds, not points: "nearly three years" allows 2½ to 3
//! years ([`crate::time::nearly`]), "about a month" 3 to 5 weeks, "more than 30 years" anything from 30
//! years up; an exact amount allows one unit either way ("30 years" 29 to 31).

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use super::events::{first_word, last_word, phrase_words, words, Telling};
use super::lexicon::Lexicon;
use crate::resolve::Resolved;
use crate::text::Sentences;
use crate::time::{TimeValue, UnitDays};
use crate::timex::{TimexMod, TimexType};

/// Which end of an event a relation constrains.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum End {
    /// The first day.
    Start,
    /// The last day.
    End,
}

/// What kind of statement gave the relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cue {
    /// An order phrase ("ahead of").
    Order(String),
    /// A duration and its direction word ("30 years after").
    Duration(String),
}

/// "point(b) − point(a) ∈ [lo, hi]" in days, between two tellings of one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relation {
    /// First telling (index into the corpus's tellings) and its end.
    pub a: (usize, End),
    /// Second telling and its end.
    pub b: (usize, End),
    /// Least difference (None: open).
    pub lo: Option<i64>,
    /// Greatest difference (None: open).
    pub hi: Option<i64>,
    /// The words that gave it.
    pub cue: Cue,
    /// Byte span of the cue (the duration with its word, or the order phrase).
    pub span: Range<usize>,
}

/// Days a duration value allows: `P3Y`, `P6M`, `P2W`, `P5D`, `PT5H` with its
/// mod. None for anything vaguer (`PXY`) or compound.
pub fn duration_days(value: &str, modifier: Option<TimexMod>) -> Option<(i64, Option<i64>)> {
    let (n, unit) = TimeValue::parse(value).ok()?.duration()?.single()?;
    if !(n.is_finite() && n > 0.0 && n < 100_000.0) {
        return None;
    }
    // Shortest and longest day counts of one unit.
    let UnitDays {
        min: umin, max: umax, ..
    } = unit.days()?;
    let (lo, hi) = match modifier {
        Some(TimexMod::LessThan) => {
            let (lo, hi) = crate::time::nearly(n);
            (lo * umin, Some(hi * umax))
        }
        Some(TimexMod::EqualOrLess) => ((n * 0.75 - 1.0).max(0.0) * umin, Some(n * umax)),
        Some(TimexMod::MoreThan) | Some(TimexMod::EqualOrMore) => (n * umin, None),
        Some(TimexMod::Approx) | Some(TimexMod::Start) | Some(TimexMod::Mid) | Some(TimexMod::End) => {
            ((n * 0.75 - 1.0).max(0.0) * umin, Some((n * 1.25 + 1.0) * umax))
        }
        Some(_) => return None,
        None => ((n - 1.0).max(0.0) * umin, Some((n + 1.0) * umax)),
    };
    // A day of slack on each side: the days are whole, the amounts are not.
    Some(((lo.floor() as i64 - 1).max(0), hi.map(|h| h.ceil() as i64 + 1)))
}

/// Relations in one document. `tellings` are the document's tellings (in
/// text order) as `(corpus index, telling)`.
pub fn relations(text: &str, resolved: &[Resolved], tellings: &[(usize, &Telling)], lex: &Lexicon) -> Vec<Relation> {
    let index = Index::new(tellings, lex);
    let mut out = Vec::new();
    order_words(text, &index, lex, &mut out);
    durations(text, resolved, &index, lex, &mut out);
    out
}

/// One document's tellings indexed for the readers, so that each looks up
/// the tellings it may pair with instead of scanning the document: the
/// cost stays linear in the document (but for a sentence's own tellings).
struct Index<'a> {
    /// The tellings, in text order: a position below is an index here.
    tellings: &'a [(usize, &'a Telling)],
    /// Positions of each sentence's tellings, in text order.
    by_sentence: HashMap<(usize, usize), Vec<usize>>,
    /// Position of a corpus index.
    by_corpus: HashMap<usize, usize>,
    /// For each position, the latest span end among the tellings of its
    /// sentence up to it.
    latest_end: Vec<usize>,
    /// The tellings start in text order (so a sentence's can be searched).
    sorted: bool,
    /// The longest span of a telling, in bytes.
    longest: usize,
    /// Span ends in ascending order, with the greatest position among the
    /// tellings ending at or before each (the last telling told by a byte).
    ends: Vec<(usize, usize)>,
    /// Content word → positions of the tellings that may be a duration's
    /// reference phrase: the only dated telling of their sentence, told
    /// with a `begin` word, in text order.
    begun: HashMap<&'a str, Vec<usize>>,
}

impl<'a> Index<'a> {
    fn new(tellings: &'a [(usize, &'a Telling)], lex: &Lexicon) -> Index<'a> {
        let mut by_sentence: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        let mut by_corpus = HashMap::with_capacity(tellings.len());
        for (k, (i, t)) in tellings.iter().enumerate() {
            by_sentence.entry(key(t)).or_default().push(k);
            by_corpus.entry(*i).or_insert(k);
        }
        let mut latest_end = vec![0; tellings.len()];
        for same in by_sentence.values() {
            let mut most = 0;
            for &k in same {
                most = most.max(tellings[k].1.span[1]);
                latest_end[k] = most;
            }
        }
        let mut ends: Vec<(usize, usize)> = tellings.iter().enumerate().map(|(k, (_, t))| (t.span[1], k)).collect();
        ends.sort_unstable();
        let mut most = 0;
        for e in &mut ends {
            most = most.max(e.1);
            e.1 = most;
        }
        let mut begun: HashMap<&str, Vec<usize>> = HashMap::new();
        for (k, (_, t)) in tellings.iter().enumerate() {
            let alone = by_sentence.get(&key(t)).is_some_and(|v| v.len() == 1);
            if alone
                && words(&t.text, 0..t.text.len())
                    .iter()
                    .any(|(_, x)| lex.begin.contains(x))
            {
                for w in &t.words {
                    begun.entry(w.as_str()).or_default().push(k);
                }
            }
        }
        Index {
            tellings,
            by_sentence,
            by_corpus,
            latest_end,
            sorted: tellings.windows(2).all(|w| w[0].1.span[0] <= w[1].1.span[0]),
            longest: tellings
                .iter()
                .map(|(_, t)| t.span[1].saturating_sub(t.span[0]))
                .max()
                .unwrap_or(0),
            ends,
            begun,
        }
    }

    /// Positions of the tellings of a sentence, in text order.
    fn in_sentence(&self, sentence: &Range<usize>) -> &[usize] {
        self.by_sentence
            .get(&(sentence.start, sentence.end))
            .map_or(&[], Vec::as_slice)
    }

    /// The telling of a corpus index.
    fn telling(&self, i: usize) -> Option<&'a Telling> {
        self.by_corpus.get(&i).map(|&k| self.tellings[k].1)
    }

    /// Corpus index of the last telling (in text order) that ends at or before `at`.
    fn last_ending_by(&self, at: usize) -> Option<usize> {
        let n = self.ends.partition_point(|&(end, _)| end <= at);
        n.checked_sub(1).map(|j| self.tellings[self.ends[j].1].0)
    }

    /// The reference a duration's complement phrase names: the telling outside
    /// `sentence` told with a `begin` word that shares the most of `cwords`
    /// (at least one), the first in text order among equals.
    fn begun_sharing(&self, sentence: &Range<usize>, cwords: &BTreeSet<String>) -> Option<usize> {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for w in cwords {
            for &k in self.begun.get(w.as_str()).map_or(&[][..], Vec::as_slice) {
                *shared.entry(k).or_default() += 1;
            }
        }
        shared
            .into_iter()
            .filter(|&(k, _)| self.tellings[k].1.sentence != *sentence)
            .max_by_key(|&(k, n)| (n, std::cmp::Reverse(k)))
            .map(|(k, _)| self.tellings[k].0)
    }
}

/// A sentence as a map key.
fn key(t: &Telling) -> (usize, usize) {
    (t.sentence.start, t.sentence.end)
}

/// Does an order phrase end at most three words before `at`, with no
/// punctuation between ("ahead of the summit on March 5")? Returns the
/// phrase's byte range and whether it means "before".
fn phrase_before(text: &str, sentence: &Range<usize>, at: usize, lex: &Lexicon) -> Option<(Range<usize>, bool)> {
    // Only the last words can hold it: three skipped and the longest phrase.
    let longest = lex
        .before
        .iter()
        .chain(lex.after.iter())
        .map(Vec::len)
        .max()
        .unwrap_or(0);
    let wanted = 3 + longest.max(1);
    let mut ws: Vec<(Range<usize>, String)> = Vec::new();
    let mut end = at;
    while ws.len() < wanted {
        let Some(w) = last_word(text, sentence.start..end) else {
            break;
        };
        end = w.0.start;
        ws.push(w);
    }
    ws.reverse();
    for skip in 0..=3usize {
        if ws.len() < skip {
            break;
        }
        let head = &ws[..ws.len() - skip];
        let gap_from = head.last().map_or(sentence.start, |(r, _)| r.end);
        if text
            .get(gap_from..at)
            .is_none_or(|g| g.contains([',', ';', ':', '.', '(', ')']))
        {
            break;
        }
        for (list, before) in [(&lex.before, true), (&lex.after, false)] {
            for p in list.iter() {
                if head.len() >= p.len() && head[head.len() - p.len()..].iter().map(|(_, w)| w).eq(p.iter()) {
                    let r = head[head.len() - p.len()].0.start..head[head.len() - 1].0.end;
                    return Some((r, before));
                }
            }
        }
    }
    None
}

/// Are there more than `n` [`words`] in a range? Read up to the word after the `n`th.
fn more_words_than(text: &str, within: Range<usize>, n: usize) -> bool {
    let mut from = within.start;
    for _ in 0..=n {
        match first_word(text, from..within.end) {
            Some((r, _)) => from = r.end,
            None => return false,
        }
    }
    true
}

/// The last of `same` (positions of a sentence's tellings before the one
/// of an order phrase) that ends at most two words before the phrase, with
/// no `; : ,` between. A telling that fails for its gap fails for every
/// wider one: the reading stops when no telling left ends later.
fn prior_telling<'a>(
    text: &str,
    index: &Index<'a>,
    same: &[usize],
    phrase: &Range<usize>,
) -> Option<&'a (usize, &'a Telling)> {
    let tellings = index.tellings;
    let mut failed: Option<usize> = None;
    for (j, &k) in same.iter().enumerate().rev() {
        let t1 = tellings[k].1;
        let e = t1.span[1];
        if e <= phrase.start && failed.is_none_or(|f| e > f) {
            let fits = !more_words_than(text, e..phrase.start, 2)
                && !text.get(e..phrase.start).is_some_and(|g| g.contains([';', ':', ',']));
            if fits {
                return Some(&tellings[k]);
            }
            failed = Some(failed.map_or(e, |f| f.max(e)));
        }
        // No telling before this one ends after the widest gap that failed.
        if let (Some(f), Some(&prev)) = (failed, j.checked_sub(1).and_then(|p| same.get(p))) {
            if index.latest_end[prev] <= f {
                return None;
            }
        }
    }
    None
}

/// The first of `same` after position `k2` with a comma between the
/// telling at `k2` and it. The text is searched for the comma once, up to
/// where it is.
fn next_after_comma<'a>(text: &str, index: &Index<'a>, same: &[usize], k2: usize) -> Option<&'a (usize, &'a Telling)> {
    let tellings = index.tellings;
    let from = tellings.get(k2)?.1.span[1];
    // No comma in from..searched; the first one, once found.
    let mut searched = from;
    let mut comma: Option<usize> = None;
    for &k in same.iter().filter(|&&k| k > k2) {
        let start = tellings[k].1.span[0];
        if text.get(from..start).is_none() {
            continue;
        }
        if comma.is_none() && start > searched {
            comma = text
                .get(searched..start)
                .and_then(|g| g.find(','))
                .map(|i| searched + i);
            searched = start;
        }
        if comma.is_some_and(|c| c < start) {
            return Some(&tellings[k]);
        }
    }
    None
}

fn order_words(text: &str, index: &Index<'_>, lex: &Lexicon, out: &mut Vec<Relation>) {
    let tellings = index.tellings;
    for (k2, (i2, t2)) in tellings.iter().enumerate() {
        let Some((phrase, before)) = phrase_before(text, &t2.sentence, t2.span[0], lex) else {
            continue;
        };
        let same = index.in_sentence(&t2.sentence);
        let split = same.partition_point(|&k| k < k2);
        // E1: the telling that ends at most two words before the phrase…
        let prior = prior_telling(text, index, &same[..split], &phrase);
        // …or, when the phrase opens the sentence, the next one after a comma.
        let opener = first_word(text, t2.sentence.start..phrase.start).is_none();
        let next = if opener {
            next_after_comma(text, index, &same[split..], k2)
        } else {
            None
        };
        let Some((i1, t1)) = prior.or(next) else { continue };
        if !anchored(t1, t2) {
            continue;
        }
        let cue = Cue::Order(text.get(phrase.clone()).unwrap_or("").to_string());
        if before {
            // E1 starts no later than E2 ends: E2.end − E1.start ≥ 0.
            out.push(Relation {
                a: (*i1, End::Start),
                b: (*i2, End::End),
                lo: Some(0),
                hi: None,
                cue,
                span: phrase,
            });
        } else {
            // E1 ends no earlier than E2 starts: E1.end − E2.start ≥ 0.
            out.push(Relation {
                a: (*i2, End::Start),
                b: (*i1, End::End),
                lo: Some(0),
                hi: None,
                cue,
                span: phrase,
            });
        }
    }
}

/// What the duration reader needs of a document's text, found once: its
/// sentences, where its clauses stop (`, ; .`) and where its `begin` words
/// are, so that a duration's clause is never read to its end.
struct Marks<'a> {
    sentences: Sentences<'a>,
    /// Byte positions of `, ; .`, ascending.
    stops: Vec<usize>,
    /// Byte starts of the `begin` words, ascending.
    begins: Vec<usize>,
}

impl<'a> Marks<'a> {
    fn new(text: &'a str, lex: &Lexicon) -> Marks<'a> {
        let b = text.as_bytes();
        Marks {
            sentences: Sentences::new(text),
            stops: (0..b.len()).filter(|&i| matches!(b[i], b',' | b';' | b'.')).collect(),
            begins: words(text, 0..text.len())
                .into_iter()
                .filter(|(_, w)| lex.begin.contains(w))
                .map(|(r, _)| r.start)
                .collect(),
        }
    }

    /// The first clause stop in `within`, or its end.
    fn clause_end(&self, within: Range<usize>) -> usize {
        let k = self.stops.partition_point(|&p| p < within.start);
        self.stops
            .get(k)
            .copied()
            .filter(|&p| p < within.end)
            .unwrap_or(within.end)
    }

    /// Does a `begin` word start in `within`?
    fn begin_in(&self, within: Range<usize>) -> bool {
        let k = self.begins.partition_point(|&p| p < within.start);
        self.begins.get(k).is_some_and(|&p| p < within.end)
    }
}

fn durations(text: &str, resolved: &[Resolved], index: &Index<'_>, lex: &Lexicon, out: &mut Vec<Relation>) {
    let marks = Marks::new(text, lex);
    for d in resolved {
        if d.timex.kind != TimexType::Duration || d.end > text.len() {
            continue;
        }
        let Some((lo, hi)) = duration_days(&d.timex.value, d.timex.modifier) else {
            continue;
        };
        let sentence = marks.sentences.at(d.start..d.end);
        let Some((wr, w)) = first_word(text, d.end..sentence.end) else {
            continue;
        };
        // Only the word right after the duration ("30 years after").
        if text.get(d.end..wr.start).is_none_or(|g| !g.trim().is_empty()) {
            continue;
        }
        let forward = if lex.forward.contains(&w) {
            true
        } else if lex.backward.contains(&w) {
            false
        } else {
            continue;
        };
        let same = index.in_sentence(&sentence);
        // The reference.
        let rest_is_empty = first_word(text, wr.end..sentence.end).is_none();
        let dated_next = dated_after(text, index, same, wr.end, sentence.end, lex);
        let clause_end = marks.clause_end(wr.end..sentence.end);
        let complement_is_empty = first_word(text, wr.end..clause_end).is_none();
        // The reference. A date inside a longer complement is not taken: it
        // may date something else ("a day before it announces earnings for
        // the second quarter"), and so may an event matched on shared words
        // alone ("a day after the WHO declared a pandemic" is not the 1968
        // one); only a date right after the word, the event told just
        // before ("30 years later"), or an event told with a `begin` word
        // and a shared word ("after the bridge first carried cars") is.
        let narrative = complement_is_empty || rest_is_empty;
        let reference: Option<usize> = if let Some(i) = dated_next {
            Some(i)
        } else if narrative {
            index.last_ending_by(d.start)
        } else if marks.begin_in(wr.end..clause_end) {
            let cwords = phrase_words(text.get(wr.end..clause_end).unwrap_or(""), lex);
            index.begun_sharing(&sentence, &cwords)
        } else {
            None
        };
        let Some(r) = reference else { continue };
        // The target: the dated telling of the sentence just before the
        // duration ("closed on Monday, 30 years after"), or for "later",
        // the nearest one of the sentence.
        let span = (d.start, d.end, wr.end, clause_end);
        let Some(t) = target(index, same, span, r, narrative) else {
            continue;
        };
        if !index
            .telling(t)
            .zip(index.telling(r))
            .is_some_and(|(a, b)| anchored(a, b))
        {
            continue;
        }
        let cue = Cue::Duration(text.get(d.start..wr.end).unwrap_or("").to_string());
        let (a, b) = if forward { (r, t) } else { (t, r) };
        out.push(Relation {
            a: (a, End::Start),
            b: (b, End::Start),
            lo: Some(lo),
            hi,
            cue,
            span: d.start..wr.end,
        });
    }
}

/// The first of a sentence's tellings (`same`) that starts at or after
/// `from` with only trim words before it (its corpus index). With the
/// tellings in text order, the search stops at the first other word.
fn dated_after(text: &str, index: &Index<'_>, same: &[usize], from: usize, end: usize, lex: &Lexicon) -> Option<usize> {
    let only_trim = |to: usize| words(text, from..to).iter().all(|(_, x)| lex.trim.contains(x));
    let tell = |k: usize| index.tellings[k];
    if !index.sorted {
        return same
            .iter()
            .map(|&k| tell(k))
            .find(|(_, t)| t.span[0] >= from && only_trim(t.span[0]))
            .map(|(i, _)| i);
    }
    // The end of the first word that is not a trim word: no telling after it qualifies.
    let mut at = from;
    let mut other: Option<usize> = None;
    while let Some((r, w)) = first_word(text, at..end) {
        if !lex.trim.contains(&w) {
            other = Some(r.end);
            break;
        }
        at = r.end;
    }
    let j = same.partition_point(|&k| tell(k).1.span[0] < from);
    for &k in &same[j..] {
        let (i, t) = tell(k);
        if other.is_some_and(|o| t.span[0] >= o) {
            break;
        }
        if only_trim(t.span[0]) {
            return Some(i);
        }
    }
    None
}

/// The target of a duration (`span`: its start and end, the end of its
/// word and of its clause) whose reference is `r`: the dated telling of the
/// sentence nearest before it, or for a narrative reference ("later") the
/// nearest either side, the first in text order among equals. With the
/// tellings in text order, only the nearest are read.
fn target(
    index: &Index<'_>,
    same: &[usize],
    span: (usize, usize, usize, usize),
    r: usize,
    narrative: bool,
) -> Option<usize> {
    let (d_start, d_end, word_end, clause_end) = span;
    let tell = |k: usize| index.tellings[k];
    let key = |t: &Telling| {
        if t.span[1] <= d_start {
            d_start - t.span[1]
        } else {
            t.span[0].saturating_sub(d_end)
        }
    };
    if !index.sorted {
        return same
            .iter()
            .map(|&k| tell(k))
            .filter(|(i, t)| *i != r && t.span[0] < word_end.max(clause_end) && (narrative || t.span[1] <= d_start))
            .filter(|(_, t)| t.span[1] <= d_start || t.span[0] >= word_end)
            .min_by_key(|(_, t)| key(t))
            .map(|(i, _)| i);
    }
    // Before: the latest end at or before the duration; reading back stops
    // where no telling can end that late (a span is at most `longest`).
    let mut before: Option<(usize, usize)> = None;
    let jb = same.partition_point(|&k| tell(k).1.span[0] <= d_start);
    for &k in same[..jb].iter().rev() {
        let (i, t) = tell(k);
        if i != r && t.span[1] <= d_start && before.is_none_or(|(best, _)| key(t) <= best) {
            before = Some((key(t), i));
        }
        if let Some((best, _)) = before {
            if t.span[0].saturating_add(index.longest) < d_start - best {
                break;
            }
        }
    }
    // After (narrative only): the first that starts after the word, in the clause.
    let mut after: Option<(usize, usize)> = None;
    if narrative {
        let ja = same.partition_point(|&k| tell(k).1.span[0] < word_end);
        for &k in &same[ja..] {
            let (i, t) = tell(k);
            if t.span[0] >= word_end.max(clause_end) {
                break;
            }
            if i != r {
                after = Some((key(t), i));
                break;
            }
        }
    }
    match (before, after) {
        (Some(b), Some(a)) => Some(if a.0 < b.0 { a.1 } else { b.1 }),
        (b, a) => b.or(a).map(|(_, i)| i),
    }
}

/// A relation is read only when one side writes its year: two dates whose
/// years both come from the article's date ("Monday", "last quarter",
/// "February") were resolved one by one, and a disagreement between them
/// says more about that resolution than about the text.
fn anchored(a: &Telling, b: &Telling) -> bool {
    super::events::has_year(&a.expression) || super::events::has_year(&b.expression)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::Document;

    /// The readers as they were before they were bounded by the words they
    /// use (issue #14): what they must still give.
    mod unbounded {
        use super::super::{anchored, duration_days, phrase_words, words, Cue, End, Index, Relation, Telling};
        use crate::order::lexicon::Lexicon;
        use crate::resolve::Resolved;
        use crate::timex::TimexType;
        use std::ops::Range;

        /// Does an order phrase end at most three words before `at`, with no
        /// punctuation between ("ahead of the summit on March 5")? Returns the
        /// phrase's byte range and whether it means "before".
        fn phrase_before(
            text: &str,
            sentence: &Range<usize>,
            at: usize,
            lex: &Lexicon,
        ) -> Option<(Range<usize>, bool)> {
            let ws = words(text, sentence.start..at);
            for skip in 0..=3usize {
                if ws.len() < skip {
                    break;
                }
                let head = &ws[..ws.len() - skip];
                let gap_from = head.last().map_or(sentence.start, |(r, _)| r.end);
                if text
                    .get(gap_from..at)
                    .is_none_or(|g| g.contains([',', ';', ':', '.', '(', ')']))
                {
                    break;
                }
                for (list, before) in [(&lex.before, true), (&lex.after, false)] {
                    for p in list.iter() {
                        if head.len() >= p.len() && head[head.len() - p.len()..].iter().map(|(_, w)| w).eq(p.iter()) {
                            let r = head[head.len() - p.len()].0.start..head[head.len() - 1].0.end;
                            return Some((r, before));
                        }
                    }
                }
            }
            None
        }

        pub(super) fn order_words(text: &str, index: &Index<'_>, lex: &Lexicon, out: &mut Vec<Relation>) {
            let tellings = index.tellings;
            for (k2, (i2, t2)) in tellings.iter().enumerate() {
                let Some((phrase, before)) = phrase_before(text, &t2.sentence, t2.span[0], lex) else {
                    continue;
                };
                let same = index.in_sentence(&t2.sentence);
                let split = same.partition_point(|&k| k < k2);
                // E1: the telling that ends at most two words before the phrase…
                let prior = same[..split].iter().rev().map(|&k| &tellings[k]).find(|(_, t1)| {
                    t1.span[1] <= phrase.start
                        && words(text, t1.span[1]..phrase.start).len() <= 2
                        && !text
                            .get(t1.span[1]..phrase.start)
                            .is_some_and(|g| g.contains([';', ':', ',']))
                });
                // …or, when the phrase opens the sentence, the next one after a comma.
                let opener = words(text, t2.sentence.start..phrase.start).is_empty();
                let next = same[split..]
                    .iter()
                    .filter(|&&k| k > k2)
                    .map(|&k| &tellings[k])
                    .find(|(_, t1)| opener && text.get(t2.span[1]..t1.span[0]).is_some_and(|g| g.contains(',')));
                let Some((i1, t1)) = prior.or(next) else { continue };
                if !anchored(t1, t2) {
                    continue;
                }
                let cue = Cue::Order(text.get(phrase.clone()).unwrap_or("").to_string());
                if before {
                    // E1 starts no later than E2 ends: E2.end − E1.start ≥ 0.
                    out.push(Relation {
                        a: (*i1, End::Start),
                        b: (*i2, End::End),
                        lo: Some(0),
                        hi: None,
                        cue,
                        span: phrase,
                    });
                } else {
                    // E1 ends no earlier than E2 starts: E1.end − E2.start ≥ 0.
                    out.push(Relation {
                        a: (*i2, End::Start),
                        b: (*i1, End::End),
                        lo: Some(0),
                        hi: None,
                        cue,
                        span: phrase,
                    });
                }
            }
        }

        pub(super) fn durations(
            text: &str,
            resolved: &[Resolved],
            index: &Index<'_>,
            lex: &Lexicon,
            out: &mut Vec<Relation>,
        ) {
            for d in resolved {
                if d.timex.kind != TimexType::Duration || d.end > text.len() {
                    continue;
                }
                let Some((lo, hi)) = duration_days(&d.timex.value, d.timex.modifier) else {
                    continue;
                };
                let sentence = crate::text::sentence(text, d.start..d.end);
                let after = words(text, d.end..sentence.end);
                let Some((wr, w)) = after.first() else { continue };
                // Only the word right after the duration ("30 years after").
                if text.get(d.end..wr.start).is_none_or(|g| !g.trim().is_empty()) {
                    continue;
                }
                let forward = if lex.forward.contains(w) {
                    true
                } else if lex.backward.contains(w) {
                    false
                } else {
                    continue;
                };
                let in_sentence: Vec<&(usize, &Telling)> = index
                    .in_sentence(&sentence)
                    .iter()
                    .map(|&k| &index.tellings[k])
                    .collect();
                // The reference.
                let rest = &after[1..];
                let dated_next = in_sentence.iter().find(|(_, t)| {
                    t.span[0] >= wr.end && words(text, wr.end..t.span[0]).iter().all(|(_, x)| lex.trim.contains(x))
                });
                let clause_end = text
                    .get(wr.end..sentence.end)
                    .and_then(|s| s.find([',', ';', '.']).map(|i| wr.end + i))
                    .unwrap_or(sentence.end);
                let complement = words(text, wr.end..clause_end);
                // The reference. A date inside a longer complement is not taken: it
                // may date something else ("a day before it announces earnings for
                // the second quarter"), and so may an event matched on shared words
                // alone ("a day after the WHO declared a pandemic" is not the 1968
                // one); only a date right after the word, the event told just
                // before ("30 years later"), or an event told with a `begin` word
                // and a shared word ("after the bridge first carried cars") is.
                let narrative = complement.is_empty() || rest.is_empty();
                let reference: Option<usize> = if let Some((i, _)) = dated_next {
                    Some(*i)
                } else if narrative {
                    index.last_ending_by(d.start)
                } else if complement.iter().any(|(_, x)| lex.begin.contains(x)) {
                    let cwords = phrase_words(text.get(wr.end..clause_end).unwrap_or(""), lex);
                    index.begun_sharing(&sentence, &cwords)
                } else {
                    None
                };
                let Some(r) = reference else { continue };
                // The target: the dated telling of the sentence just before the
                // duration ("closed on Monday, 30 years after"), or for "later",
                // the nearest one of the sentence.
                let target = in_sentence
                    .iter()
                    .filter(|(i, t)| {
                        *i != r && t.span[0] < wr.end.max(clause_end) && (narrative || t.span[1] <= d.start)
                    })
                    .filter(|(_, t)| t.span[1] <= d.start || t.span[0] >= wr.end)
                    .min_by_key(|(_, t)| {
                        if t.span[1] <= d.start {
                            d.start - t.span[1]
                        } else {
                            t.span[0].saturating_sub(d.end)
                        }
                    })
                    .map(|(i, _)| *i);
                let Some(t) = target else { continue };
                if !index
                    .telling(t)
                    .zip(index.telling(r))
                    .is_some_and(|(a, b)| anchored(a, b))
                {
                    continue;
                }
                let cue = Cue::Duration(text.get(d.start..wr.end).unwrap_or("").to_string());
                let (a, b) = if forward { (r, t) } else { (t, r) };
                out.push(Relation {
                    a: (a, End::Start),
                    b: (b, End::Start),
                    lo: Some(lo),
                    hi,
                    cue,
                    span: d.start..wr.end,
                });
            }
        }
    }

    #[test]
    fn the_bounded_readers_give_what_the_whole_sentence_gave() {
        let lex = crate::order::lexicon::get();
        let texts = [
            "The bridge first carried cars in 1932. It closed on 4 May 2002, 70 years after the bridge first carried cars. It reopened in 2004, two years later.",
            "Talks ahead of the summit on 5 March 2024 stalled; before 2023 nothing, and after 2020 more. In the wake of the 2019 vote, 3 days before 2 May 2019 the deal fell.",
            "Following the March 2020 lockdown the plan began in June 2021 and it opened 3 years after 2018 then 2 weeks later in 2022 prices rose ahead of the 2023 vote and after 2024 and 5 years before 2030 the line was built in 2010 until 2015 a day earlier on 4 May 2016 and since 2017 prior to 2019",
        ];
        for text in texts {
            let doc = Document::from_text("d", text);
            let mentions = crate::tag::tag(text, 0..text.len());
            let resolved = crate::anchor::resolve_textual(text, &mentions);
            let tellings = super::super::events::extract(0, &doc, &resolved, &[], lex);
            let ts: Vec<(usize, &Telling)> = tellings.iter().enumerate().collect();
            let index = Index::new(&ts, lex);
            let mut old = Vec::new();
            unbounded::order_words(text, &index, lex, &mut old);
            unbounded::durations(text, &resolved, &index, lex, &mut old);
            assert!(!old.is_empty(), "{text}");
            assert_eq!(relations(text, &resolved, &ts, lex), old, "{text}");
        }
    }

    #[test]
    fn vague_amounts_are_bounds() {
        // exact: one unit either way, a day of slack
        assert_eq!(duration_days("P30Y", None), Some((29 * 365 - 1, Some(31 * 366 + 1))));
        // "nearly three years": 2½ years, up to three
        let (lo, hi) = duration_days("P3Y", Some(TimexMod::LessThan)).expect("bounds");
        assert!(lo == 912 - 1 && hi == Some(3 * 366 + 1), "{lo} {hi:?}");
        assert_eq!(
            duration_days("P6M", Some(TimexMod::EqualOrMore)),
            Some((6 * 28 - 1, None))
        );
        assert_eq!(duration_days("PXY", None), None);
        assert_eq!(duration_days("P1Y6M", None), None);
        // "about a month" allows 27 days
        let (lo, _) = duration_days("P1M", Some(TimexMod::Approx)).expect("bounds");
        assert!(lo <= 27);
    }
}
