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

use super::events::{phrase_words, words, Telling};
use super::lexicon::Lexicon;
use crate::resolve::Resolved;
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

fn order_words(text: &str, index: &Index<'_>, lex: &Lexicon, out: &mut Vec<Relation>) {
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

fn durations(text: &str, resolved: &[Resolved], index: &Index<'_>, lex: &Lexicon, out: &mut Vec<Relation>) {
    for d in resolved {
        if d.timex.kind != TimexType::Duration || d.end > text.len() {
            continue;
        }
        let Some((lo, hi)) = duration_days(&d.timex.value, d.timex.modifier) else {
            continue;
        };
        let sentence = super::events::sentence(text, d.start..d.end);
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
            .filter(|(i, t)| *i != r && t.span[0] < wr.end.max(clause_end) && (narrative || t.span[1] <= d.start))
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
