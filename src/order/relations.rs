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
//! Vague amounts are bounds, not points, read by the one model of
//! [`crate::time::bounds`]: "nearly three years" allows 2½ to 3 years, "about
//! a month" ½ to 1½ months, "more than 30 years" anything from 30 years up;
//! an exact amount allows one unit either way ("30 years" 29 to 31).

mod apposition;
mod beginning;
mod general;
mod narrative;
mod now;

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

use chrono::NaiveDate;

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
    /// Not a telling's: the origin of the network (day 0), so that the
    /// relation bounds the other point by day numbers. Relations measured
    /// from the article's date are written so.
    Origin,
}

/// What kind of statement gave the relation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cue {
    /// An order phrase ("ahead of").
    Order(String),
    /// A duration and its direction word ("30 years after").
    Duration(String),
    /// A date and, after a comma, the same time told another way
    /// ("Yesterday, March 3"): they overlap.
    Same(String),
    /// The two ends of a range told as two dates ("from 12 May to 3 May",
    /// "between 2019 and 2015"): the end is not before the start.
    Range(String),
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

/// The durations of a document that can be measured, with their length in
/// days ([`duration_days`]): what every duration reader walks.
pub(super) fn measured<'r>(
    text: &str,
    resolved: &'r [Resolved],
) -> impl Iterator<Item = (&'r Resolved, (i64, Option<i64>))> + 'r {
    let len = text.len();
    resolved
        .iter()
        .filter(move |d| d.timex.kind == TimexType::Duration && d.end <= len)
        .filter_map(|d| {
            Some((
                d,
                duration_days(&d.timex.value, d.timex.modifier).or_else(|| some(&d.timex.value))?,
            ))
        })
}

/// An amount not told ("several years", "some months": `PXY`, `PXM`):
/// still a direction, so at least no time and at most any
/// (eval/conflicts-heldout order_words 01, "opened its doors in 1962,
/// several years before the town hall, which was finished in 1958").
fn some(value: &str) -> Option<(i64, Option<i64>)> {
    let unit = value.strip_prefix("PX").or_else(|| value.strip_prefix("PTX"))?;
    matches!(unit, "Y" | "M" | "W" | "D" | "H" | "DE" | "CE").then_some((0, None))
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
    // The one model of vague amounts (crate::time::bounds), in units, then
    // in days: the shortest unit for the least, the longest for the greatest.
    let (lo, hi) = crate::time::bounds(n, crate::time::Vague::of_mod(modifier)?);
    let (lo, hi) = (lo * umin, hi.map(|h| h * umax));
    // A day of slack on each side: the days are whole, the amounts are not.
    Some(((lo.floor() as i64 - 1).max(0), hi.map(|h| h.ceil() as i64 + 1)))
}

/// The article's date when it is known to a few days (pinned or
/// determined): what ages and "now, ten years after" are measured from.
pub fn published(anchor: &crate::anchor::Anchor) -> Option<(NaiveDate, NaiveDate)> {
    use crate::anchor::Status;
    if !matches!(anchor.status, Status::Pinned | Status::Determined) {
        return None;
    }
    anchor.earliest.zip(anchor.latest)
}

/// Relations in one document. `tellings` are the document's tellings (in
/// text order) as `(corpus index, telling)`; `published`, the article's
/// date when known ([`published`]).
pub fn relations(
    text: &str,
    resolved: &[Resolved],
    tellings: &[(usize, &Telling)],
    published: Option<(NaiveDate, NaiveDate)>,
    lex: &Lexicon,
) -> Vec<Relation> {
    let index = Index::new(tellings, lex);
    let mut out = Vec::new();
    order_words(text, &index, lex, &mut out);
    durations(text, resolved, &index, lex, &mut out);
    range_ends(text, &index, lex, &mut out);
    anniversaries(text, &index, &mut out);
    apposition::appositions(text, &index, &mut out);
    spans_after(text, resolved, &index, lex, &mut out);
    if let Some(p) = published {
        ages(text, &index, p, lex, &mut out);
        since_then(text, resolved, &index, p, lex, &mut out);
    }
    narrative::adverbs(text, resolved, &index, lex, &mut out);
    narrative::periods(text, &index, lex, &mut out);
    narrative::named_openers(text, &index, lex, &mut out);
    narrative::openings(text, resolved, &index, &mut out);
    now::counts_of_years(text, &index, published, lex, &mut out);
    if let Some(p) = published {
        now::perfects(text, resolved, &index, p, lex, &mut out);
    }
    // Durations the shaped readers above left alone: the general reader.
    let read: Vec<usize> = out
        .iter()
        .filter(|r| matches!(r.cue, Cue::Duration(_)))
        .map(|r| r.span.start)
        .collect();
    general::durations(text, resolved, &index, lex, &read, published, &mut out);
    beginning::from_beginning(text, resolved, &index, published, lex, &mut out);
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

/// A relation from the article's date: point `b` of telling `i` lies
/// `lo..hi` days before a day of `published`.
pub(super) fn before_published(
    i: usize,
    b: End,
    published: (NaiveDate, NaiveDate),
    lo: i64,
    hi: Option<i64>,
    cue: Cue,
    span: Range<usize>,
) -> Relation {
    let (p0, p1) = (super::events::day(published.0), super::events::day(published.1));
    Relation {
        a: (i, End::Origin),
        b: (i, b),
        lo: hi.map(|h| p0 - h),
        hi: Some(p1 - lo),
        cue,
        span,
    }
}

/// "Marta Velez, 45, …" and "Velez was born in 1960": an age between
/// commas after a name, and the year (or day) told with "born" in a
/// sentence naming the same person. Born N to N + 1 years before the
/// article's date.
fn ages(text: &str, index: &Index<'_>, published: (NaiveDate, NaiveDate), lex: &Lexicon, out: &mut Vec<Relation>) {
    let born: Vec<usize> = index
        .tellings
        .iter()
        .enumerate()
        .filter(|(_, (_, t))| {
            words(text, t.sentence.start..t.span[0])
                .iter()
                .rev()
                .take(3)
                .any(|(_, w)| w == "born")
        })
        .map(|(k, _)| k)
        .collect();
    if born.is_empty() {
        return;
    }
    let b = text.as_bytes();
    let mut at = 0;
    while let Some(k) = text.get(at..).and_then(|r| r.find(", ")).map(|k| at + k) {
        at = k + 2;
        let n_end = (at..b.len()).find(|&j| !b[j].is_ascii_digit()).unwrap_or(b.len());
        if n_end == at || n_end - at > 3 || b.get(n_end) != Some(&b',') {
            continue;
        }
        let Some(age) = text
            .get(at..n_end)
            .and_then(|x| x.parse::<u32>().ok())
            .filter(|a| (1..=120).contains(a))
        else {
            continue;
        };
        // the word before the comma: a capitalised name
        let Some((nr, name)) = last_word(text, k.saturating_sub(40)..k) else {
            continue;
        };
        let raw = text.get(nr.clone()).unwrap_or("");
        if nr.end != k || !raw.starts_with(|c: char| c.is_uppercase()) || lex.stop.contains(&name) {
            continue;
        }
        for &p in &born {
            let (i, t) = index.tellings[p];
            if !super::events::has_year(&t.expression)
                || !words(text, t.sentence.clone()).iter().any(|(_, w)| *w == name)
            {
                continue;
            }
            let cue = Cue::Duration(text.get(nr.start..n_end).unwrap_or("").to_string());
            let span = at..n_end;
            let years = f64::from(age);
            // born no later than N years before, no earlier than N + 1 years before
            out.push(before_published(
                i,
                End::End,
                published,
                0,
                Some(((years + 1.0) * 366.0) as i64 + 1),
                cue.clone(),
                span.clone(),
            ));
            out.push(before_published(
                i,
                End::Start,
                published,
                (years * 365.0) as i64 - 1,
                None,
                cue,
                span,
            ));
            break;
        }
    }
}

/// "Now, ten years after it first welcomed readers": a duration after
/// "now" with no date of its own in the sentence is measured from the
/// article's date back to what began (the last telling before it told
/// with a `begin` word, alone in its sentence).
fn since_then(
    text: &str,
    resolved: &[Resolved],
    index: &Index<'_>,
    published: (NaiveDate, NaiveDate),
    lex: &Lexicon,
    out: &mut Vec<Relation>,
) {
    for (d, (lo, hi)) in measured(text, resolved) {
        let sentence = crate::text::sentence(text, d.start..d.end);
        if !index.in_sentence(&sentence).is_empty()
            || !words(text, sentence.start..d.start).iter().any(|(_, w)| w == "now")
        {
            continue;
        }
        let Some((wr, w)) = first_word(text, d.end..sentence.end) else {
            continue;
        };
        if !(lex.forward.contains(&w) || w == "since")
            || !words(text, wr.end..sentence.end)
                .iter()
                .take(4)
                .any(|(_, x)| lex.begin.contains(x))
        {
            continue;
        }
        let begun_before = index
            .begun
            .values()
            .flatten()
            .copied()
            .filter(|&k| index.tellings[k].1.span[1] <= d.start)
            .max();
        let Some(k) = begun_before else { continue };
        let (i, t) = index.tellings[k];
        if !super::events::has_year(&t.expression) {
            continue;
        }
        let cue = Cue::Duration(text.get(d.start..wr.end).unwrap_or("").to_string());
        out.push(before_published(i, End::Start, published, lo, hi, cue, d.start..wr.end));
    }
}

/// "marked its 40th anniversary this week" with "completed in 1971" in
/// the same sentence: the anniversary's telling is N years (give or take
/// one, [`crate::time::bounds`]) after the earliest date of the sentence.
/// The nearest other telling of the sentence is the anniversary's day.
fn anniversaries(text: &str, index: &Index<'_>, out: &mut Vec<Relation>) {
    let mut done: BTreeSet<(usize, usize)> = BTreeSet::new();
    for (_, t) in index.tellings {
        if !done.insert(key(t)) {
            continue;
        }
        let same = index.in_sentence(&t.sentence);
        if same.len() < 2 {
            continue;
        }
        let ws = words(text, t.sentence.clone());
        for pair in ws.windows(2) {
            let [(nr, n), (ar, a)] = pair else { continue };
            if a != "anniversary" {
                continue;
            }
            let Some(years) = ordinal_number(n) else { continue };
            let tell = |k: usize| index.tellings[k];
            let Some(&(ri, rt)) = same
                .iter()
                .map(|&k| tell(k))
                .min_by_key(|(_, x)| (x.first.0, x.span[0]))
                .as_ref()
            else {
                continue;
            };
            let dist = |x: &Telling| {
                if x.span[1] <= nr.start {
                    nr.start - x.span[1]
                } else {
                    x.span[0].saturating_sub(ar.end)
                }
            };
            let Some((ti, tt)) = same
                .iter()
                .map(|&k| tell(k))
                .filter(|(i, _)| *i != ri)
                .min_by_key(|(_, x)| dist(x))
            else {
                continue;
            };
            if !anchored(rt, tt) {
                continue;
            }
            let (lo, hi) = crate::time::bounds(f64::from(years), crate::time::Vague::Exact);
            out.push(Relation {
                a: (ri, End::Start),
                b: (ti, End::Start),
                lo: Some((lo * 365.0).floor() as i64 - 1),
                hi: hi.map(|h| (h * 366.0).ceil() as i64 + 1),
                cue: Cue::Duration(text.get(nr.start..ar.end).unwrap_or("").to_string()),
                span: nr.start..ar.end,
            });
        }
    }
}

/// "40th", "21st", "tenth": the number of an ordinal (1 to 1,000).
fn ordinal_number(w: &str) -> Option<u32> {
    let digits: String = w.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        let rest = &w[digits.len()..];
        return matches!(rest, "st" | "nd" | "rd" | "th")
            .then(|| digits.parse::<u32>().ok())
            .flatten()
            .filter(|n| (1..=1000).contains(n));
    }
    let l = crate::grammar::lexicons().ok()?;
    l.ordinals.longest(w).filter(|(n, _)| *n == w.len()).map(|(_, v)| *v)
}

/// "ended on January 9, after three weeks of pickets": a dated telling
/// right before "after" and a duration is that long after the start of
/// what began earlier in its sentence ("began on January 5"): the nearest
/// telling before it with a `begin` word right before its date.
fn spans_after(text: &str, resolved: &[Resolved], index: &Index<'_>, lex: &Lexicon, out: &mut Vec<Relation>) {
    for (d, (lo, hi)) in measured(text, resolved) {
        let sentence = crate::text::sentence(text, d.start..d.end);
        let Some((pr, p)) = last_word(text, sentence.start..d.start) else {
            continue;
        };
        if !(p == "after" || p == "following") || text.get(pr.end..d.start).is_none_or(|g| !g.trim().is_empty()) {
            continue;
        }
        let same = index.in_sentence(&sentence);
        let Some(&(ti, tt)) = prior_before_clause(text, index, same, &pr) else {
            continue;
        };
        let begun = |x: &Telling| {
            let from = words(text, sentence.start..x.span[0]);
            from.iter().rev().take(3).any(|(_, w)| lex.begin.contains(w))
        };
        let Some((ri, rt)) = same
            .iter()
            .map(|&k| index.tellings[k])
            .rev()
            .find(|(i, x)| *i != ti && x.span[1] <= tt.span[0] && begun(x))
        else {
            continue;
        };
        if !anchored(rt, tt) {
            continue;
        }
        out.push(Relation {
            a: (ri, End::Start),
            b: (ti, End::Start),
            lo: Some(lo),
            hi,
            cue: Cue::Duration(text.get(pr.start..d.end).unwrap_or("").to_string()),
            span: pr.start..d.end,
        });
    }
}

/// Words that may stand before an order phrase opening its sentence: how
/// long or how soon ("Days after the vote on 12 June, …", "Only after …").
/// Dev corpus eval/conflicts-dev order_words 52-53; T17 and TBAQ false
/// alarms unchanged (8 articles, 0 documents) with them.
const LEADS: [&str; 12] = [
    "only", "just", "shortly", "soon", "long", "not", "days", "weeks", "months", "years", "hours", "minutes",
];

/// How many words may open a sentence before its order phrase for the
/// phrase to order the date told before ("This came after …", "It then
/// followed …"): the pronoun and a verb. Dev corpus order_words 50-51.
const ANAPHOR_WORDS: usize = 2;

/// How many words an order phrase may stand before the date of the clause
/// it opens ("following the merger of its two parent companies in 2009").
const CLAUSE_REACH: usize = 8;

/// An order phrase opening the clause of `t2`: at most [`CLAUSE_REACH`]
/// words before it with no punctuation between, and no other telling
/// between the phrase and `t2` (`before` are the sentence's tellings before
/// `t2`, in text order). The phrase's range and whether it means "before".
fn clause_phrase(
    text: &str,
    index: &Index<'_>,
    before: &[usize],
    t2: &Telling,
    lex: &Lexicon,
) -> Option<(Range<usize>, bool)> {
    let mut ws: Vec<(Range<usize>, String)> = Vec::new();
    let mut end = t2.span[0];
    let longest = lex
        .before
        .iter()
        .chain(lex.after.iter())
        .map(Vec::len)
        .max()
        .unwrap_or(1);
    while ws.len() < CLAUSE_REACH + longest {
        let Some(w) = last_word(text, t2.sentence.start..end) else {
            break;
        };
        if text
            .get(w.0.end..end)
            .is_none_or(|g| g.contains([',', ';', ':', '.', '(', ')']))
        {
            break;
        }
        // another clause begins: "following a merger with Amoco and rose to the board last year"
        if matches!(
            w.1.as_str(),
            "and" | "but" | "or" | "while" | "when" | "which" | "who" | "that" | "then" | "as" | "because"
        ) {
            break;
        }
        end = w.0.start;
        ws.push(w);
    }
    ws.reverse();
    let last_before = before.last().map_or(0, |&k| index.tellings[k].1.span[1]);
    for cut in (0..ws.len()).rev() {
        let head = &ws[..=cut];
        for (list, is_before) in [(&lex.before, true), (&lex.after, false)] {
            for p in list.iter() {
                if head.len() >= p.len() && head[head.len() - p.len()..].iter().map(|(_, w)| w).eq(p.iter()) {
                    let r = head[head.len() - p.len()].0.start..head[head.len() - 1].0.end;
                    return (last_before <= r.start).then_some((r, is_before));
                }
            }
        }
    }
    None
}

/// The telling of `same` right before a clause's order phrase: at most two
/// words between, and no punctuation but one comma right before the phrase.
fn prior_before_clause<'a>(
    text: &str,
    index: &Index<'a>,
    same: &[usize],
    phrase: &Range<usize>,
) -> Option<&'a (usize, &'a Telling)> {
    let &k = same
        .iter()
        .rev()
        .find(|&&k| index.tellings[k].1.span[1] <= phrase.start)?;
    let e = index.tellings[k].1.span[1];
    let gap = text.get(e..phrase.start)?;
    // one comma right before the phrase ("rose on 3 May, after …") or right
    // after the date, closing an aside ("The results, published on 10 June,
    // came after the vote on 12 June")
    let inner = gap.trim_end().strip_suffix(',').unwrap_or(gap);
    let inner = if inner.contains(',') {
        inner.trim_start().strip_prefix(',').unwrap_or(inner)
    } else {
        inner
    };
    (!more_words_than(text, e..phrase.start, 2) && !inner.contains([';', ':', ',', '.', '(', ')']))
        .then(|| &index.tellings[k])
}

/// The two ends of a range told as two dates: "from 12 May to 3 May",
/// "between 2019 and 2015", "from Friday, July 19, to Wednesday, July 17".
/// The end may not come before the start. Not after a word that moves a
/// date ("postponed from May 12 to May 3", `shift` in the lexicon), and
/// not when two year-less days fit in order a year apart ("from 28
/// December to 3 January").
fn range_ends(text: &str, index: &Index<'_>, lex: &Lexicon, out: &mut Vec<Relation>) {
    for pair in index.tellings.windows(2) {
        {
            let (&(i1, t1), &(i2, t2)) = (&pair[0], &pair[1]);
            if t1.sentence != t2.sentence || t2.span[0] < t1.span[1] {
                continue;
            }
            // "(2018–2014)": two years joined by a dash alone.
            let gap = text.get(t1.span[1]..t2.span[0]).unwrap_or("");
            if matches!(gap, "-" | "–" | "—") && is_year(t1) && is_year(t2) {
                out.push(Relation {
                    a: (i1, End::Start),
                    b: (i2, End::End),
                    lo: Some(0),
                    hi: None,
                    cue: Cue::Range(text.get(t1.span[0]..t2.span[1]).unwrap_or("").to_string()),
                    span: t1.span[0]..t2.span[1],
                });
                continue;
            }
            let Some(joiner) = only_word(text, t1.span[1]..t2.span[0]) else {
                continue;
            };
            let Some((fr, from)) = last_word(text, t1.sentence.start..t1.span[0]) else {
                continue;
            };
            let opens = match from.as_str() {
                "from" => joiner != "and" && lex.range.contains(&joiner),
                "between" => joiner == "and",
                _ => false,
            };
            if !opens
                || text.get(fr.end..t1.span[0]).is_none_or(|g| !g.trim().is_empty())
                || words(text, t1.sentence.start..fr.start)
                    .iter()
                    .any(|(_, w)| lex.shift.contains(w))
                || !both_anchored(t1, t2)
                || crosses_year(t1, t2)
            {
                continue;
            }
            out.push(Relation {
                a: (i1, End::Start),
                b: (i2, End::End),
                lo: Some(0),
                hi: None,
                cue: Cue::Range(text.get(fr.start..t2.span[1]).unwrap_or("").to_string()),
                span: fr.start..t2.span[1],
            });
        }
    }
}

/// A telling that is a year written in four digits and nothing else.
fn is_year(t: &Telling) -> bool {
    t.expression.len() == 4 && t.expression.bytes().all(|b| b.is_ascii_digit()) && !t.ambiguous
}

/// The one word of a gap between two dates, with nothing else but spaces
/// and commas: "to", "and", "-".
fn only_word(text: &str, gap: Range<usize>) -> Option<String> {
    let ws = words(text, gap.clone());
    let [(r, w)] = &ws[..] else { return None };
    let rest = format!("{}{}", text.get(gap.start..r.start)?, text.get(r.end..gap.end)?);
    rest.chars().all(|c| c == ' ' || c == ',').then(|| w.clone())
}

/// Two year-less days whose second, a year on, follows the first within
/// half a year: a range across the new year read end by end.
fn crosses_year(a: &Telling, b: &Telling) -> bool {
    use chrono::Datelike;
    if super::events::has_year(&a.expression) || super::events::has_year(&b.expression) || b.last.1 >= a.first.0 {
        return false;
    }
    b.last
        .1
        .with_year(b.last.1.year() + 1)
        .is_some_and(|n| n >= a.first.0 && (n - a.first.0).num_days() <= 183)
}

fn order_words(text: &str, index: &Index<'_>, lex: &Lexicon, out: &mut Vec<Relation>) {
    let tellings = index.tellings;
    for (k2, (i2, t2)) in tellings.iter().enumerate() {
        let same = index.in_sentence(&t2.sentence);
        let split = same.partition_point(|&k| k < k2);
        let near = phrase_before(text, &t2.sentence, t2.span[0], lex);
        let Some((phrase, before, clause)) = near
            .map(|(p, b)| (p, b, false))
            .or_else(|| clause_phrase(text, index, &same[..split], t2, lex).map(|(p, b)| (p, b, true)))
        else {
            continue;
        };
        // E1: the telling that ends at most two words before the phrase (for
        // a clause the phrase opens, a comma may stand before it: "rose on 3
        // May, after the company published its results on 8 May")…
        // A phrase near its date may stand after a comma too ("closed since
        // 12 May 2022, after a landslide on 20 May 2022"): read as a clause.
        let (prior, clause) = if clause {
            (prior_before_clause(text, index, &same[..split], &phrase), true)
        } else {
            match prior_telling(text, index, &same[..split], &phrase) {
                Some(p) => (Some(p), false),
                None => (prior_before_clause(text, index, &same[..split], &phrase), true),
            }
        };
        // …or, when the phrase opens the sentence, the next one after a comma
        // ("Before joining the firm in 2012, she worked at a bank in 2014").
        // (a phrase opening the sentence may follow a word of how long or
        // how soon: "Days after the vote on 12 June, …", "Only after …")
        let lead = words(text, t2.sentence.start..phrase.start);
        let opener = lead.iter().all(|(_, w)| LEADS.contains(&w.as_str()));
        let next = if opener && prior.is_none() {
            next_after_comma(text, index, &same[split..], k2)
        } else {
            None
        };
        // …or, when the sentence opens "This came after …", "It followed …",
        // the last date of the sentences just before.
        let anaphor = (prior.is_none() && next.is_none() && lead.len() <= ANAPHOR_WORDS)
            .then(|| lead.first())
            .flatten()
            .filter(|(_, w)| matches!(w.as_str(), "this" | "that" | "it"))
            .and_then(|_| narrative::told_before(index, t2.sentence.start))
            .and_then(|i| index.by_corpus.get(&i).map(|&k| &index.tellings[k]));
        let clause = clause || anaphor.is_some();
        let Some((i1, t1)) = prior.or(next).or(anaphor) else {
            continue;
        };
        // "from Monday, 14 November, until Friday, 11 November" is a range's
        // two ends, read once by the range reader: one conflict, not two.
        let joiner = text.get(phrase.clone()).map(str::to_lowercase);
        if joiner.is_some_and(|j| lex.range.contains(&j))
            && last_word(text, t1.sentence.start..t1.span[0]).is_some_and(|(_, w)| w == "from")
            && only_word(text, t1.span[1]..t2.span[0]).is_some()
        {
            continue;
        }
        if !anchored(t1, t2) || (clause && !both_anchored(t1, t2)) {
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
            stops: memchr::memchr3_iter(b',', b';', b'.', b).collect(),
            // every word of the text, lowercased in one reused buffer
            begins: {
                let mut buf = String::new();
                super::events::word_slices(text, 0..text.len())
                    .filter(|(_, w)| {
                        buf.clear();
                        if w.is_ascii() {
                            buf.push_str(w);
                            buf.make_ascii_lowercase();
                        } else {
                            buf.push_str(&w.to_lowercase());
                        }
                        lex.begin.contains(buf.as_str())
                    })
                    .map(|(r, _)| r.start)
                    .collect()
            },
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
    for (d, (lo, hi)) in measured(text, resolved) {
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
        // "resumed a week later, on March 5": the date right after the
        // word's comma is what is that long after.
        let appositive = (complement_is_empty && text.as_bytes().get(clause_end) == Some(&b','))
            .then(|| dated_after(text, index, same, clause_end + 1, sentence.end, lex))
            .flatten()
            .filter(|&i| i != r);
        let Some(t) = appositive.or_else(|| target(index, same, span, r, narrative)) else {
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
///
/// Two days written with their month ("3 May", "Oct. 3") that the same
/// year was given are read too: the year was chosen once for both by the
/// tense, and the order of two days of one year is the text's.
fn anchored(a: &Telling, b: &Telling) -> bool {
    use chrono::Datelike;
    super::events::has_year(&a.expression)
        || super::events::has_year(&b.expression)
        || (written_day(a) && written_day(b) && a.first.0.year() == b.first.0.year())
}

/// Stricter than [`anchored`]: both sides write their year, or both are
/// days written with their month in one year. For readers that reach
/// further (a clause, a range's two ends), where one year-less end may
/// have taken its year from another date of the text.
fn both_anchored(a: &Telling, b: &Telling) -> bool {
    use chrono::Datelike;
    (super::events::has_year(&a.expression) && super::events::has_year(&b.expression))
        || (written_day(a) && written_day(b) && a.first.0.year() == b.first.0.year())
}

/// A single day told with its month and day number ("3 May", "Oct. 3",
/// "Friday, July 19"), not relative ("Monday", "yesterday").
fn written_day(t: &Telling) -> bool {
    if t.ambiguous || t.first.0 != t.first.1 || t.first != t.last || !t.expression.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let Ok(l) = crate::grammar::lexicons() else {
        return false;
    };
    words(&t.expression, 0..t.expression.len()).iter().any(|(r, _)| {
        let w = &t.expression[r.clone()];
        w.len() >= 3 && l.months.longest(w).is_some_and(|(n, _)| n == w.len())
    })
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
            // the two ends of a period ("first carried cars in 1932. It
            // closed on 4 May 2002") are another reader's
            let new: Vec<Relation> = relations(text, &resolved, &ts, None, lex)
                .into_iter()
                .filter(|r| !matches!(r.cue, Cue::Range(_)))
                .collect();
            assert_eq!(new, old, "{text}");
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
