//! Inference of publication dates: every statement is a constraint on the
//! unknown day; the constraints are intersected, strongest first, and a
//! constraint that would empty the set is reported as a conflict instead of
//! silently winning or losing.
//!
//! ```text
//! constraint := interval [lo, hi]                     (dated clause + tense, durations
//!                                                      from dated events, retrieval, page stamps)
//!             | periodic month-day window, every year (year-less dates + tense,
//!                                                      optionally only years whose weekday matches)
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};

use super::furniture::{self, PageFurniture};
use super::{Anchor, Evidence, Pins, Status, Strength};
use crate::chronology::{Conflict, Statement};
use crate::ingest::Document;
use crate::resolve::{Resolved, Tense};
use crate::timex::{TimexMod, TimexType};

/// Days a year-less date may lie from the publication day ("on April 20" in a
/// past clause is within the year before publication; a scheduled
/// "February 20" within the year after).
const YEARLESS_HORIZON: i64 = 345;
/// The widest interval still called `determined`.
const DETERMINED_DAYS: i64 = 4;
/// Years a periodic constraint is expanded over when nothing else bounds it.
const OPEN_YEARS: (i32, i32) = (1800, 2200);

type Day = i64;

fn day(d: NaiveDate) -> Day {
    i64::from(d.num_days_from_ce())
}

fn date(d: Day) -> Option<NaiveDate> {
    i32::try_from(d).ok().and_then(NaiveDate::from_num_days_from_ce_opt)
}

/// A sorted set of disjoint closed day intervals.
#[derive(Debug, Clone, PartialEq, Eq)]
struct DaySet(Vec<(Day, Day)>);

impl DaySet {
    fn all() -> DaySet {
        DaySet(vec![(Day::MIN / 4, Day::MAX / 4)])
    }
    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    fn intersect(&self, other: &DaySet) -> DaySet {
        let (mut i, mut j) = (0, 0);
        let mut out = Vec::new();
        while i < self.0.len() && j < other.0.len() {
            let (a0, a1) = self.0[i];
            let (b0, b1) = other.0[j];
            let lo = a0.max(b0);
            let hi = a1.min(b1);
            if lo <= hi {
                out.push((lo, hi));
            }
            if a1 < b1 {
                i += 1;
            } else {
                j += 1;
            }
        }
        DaySet(out)
    }
    fn min(&self) -> Option<Day> {
        self.0.first().map(|r| r.0)
    }
    fn max(&self) -> Option<Day> {
        self.0.last().map(|r| r.1)
    }
    fn contains(&self, d: Day) -> bool {
        self.0.iter().any(|&(a, b)| a <= d && d <= b)
    }
}

/// What one constraint allows.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Allowed {
    /// `lo..=hi`, either side open.
    Interval(Option<Day>, Option<Day>),
    /// Every year Y (whose `weekday` matches, when given): the days from
    /// `month/day of Y + before` to `month/day of Y + after`.
    Periodic {
        month: u32,
        day: u32,
        before: i64,
        after: i64,
        weekday: Option<Weekday>,
    },
}

impl Allowed {
    fn to_set(&self, years: (i32, i32)) -> DaySet {
        match *self {
            Allowed::Interval(lo, hi) => {
                let all = DaySet::all();
                let lo = lo.unwrap_or(all.0[0].0);
                let hi = hi.unwrap_or(all.0[0].1);
                if lo > hi {
                    DaySet(Vec::new())
                } else {
                    DaySet(vec![(lo, hi)])
                }
            }
            Allowed::Periodic {
                month,
                day: dom,
                before,
                after,
                weekday,
            } => {
                let mut v = Vec::new();
                for y in years.0..=years.1 {
                    let Some(d) = NaiveDate::from_ymd_opt(y, month, dom) else {
                        continue; // February 29 in a common year
                    };
                    if weekday.is_some_and(|w| d.weekday() != w) {
                        continue;
                    }
                    let c = day(d);
                    v.push((c + before, c + after));
                }
                // merge overlaps (windows longer than a year)
                let mut merged: Vec<(Day, Day)> = Vec::new();
                for (a, b) in v {
                    match merged.last_mut() {
                        Some(last) if a <= last.1 + 1 => last.1 = last.1.max(b),
                        _ => merged.push((a, b)),
                    }
                }
                DaySet(merged)
            }
        }
    }
}

/// One constraint with the evidence it came from.
#[derive(Debug, Clone)]
struct Constraint {
    allowed: Allowed,
    evidence: usize,
    /// Firm enough to report a pin it excludes: a stated day, a stamp, a
    /// retrieval date. Year-less windows, bare years, links and durations
    /// rest on a reading of tense or wording and only narrow an unknown date.
    checks_pin: bool,
}

/// An event group of `grammar/anchor_events.txt`.
#[derive(Debug, Default)]
struct EventLexicon {
    /// word → groups it names as an ongoing event
    event: BTreeMap<String, Vec<String>>,
    /// word → groups whose start it marks
    start: BTreeMap<String, Vec<String>>,
}

const EVENTS: &str = include_str!("../../grammar/anchor_events.txt");
const STOPWORDS: &str = include_str!("../../grammar/stopwords.txt");

/// Is a bare year told as the time of something ("in 2009, BP …", "since
/// 2022.")? Only then may its clause's tense bound the publication: a year
/// before a noun ("1990 earnings", "fiscal 1990") or after "for", "by",
/// "both" is most often a forecast or an accounting period (TimeBank's
/// "would dilute earnings in both 1990 and 1991").
fn bare_year_told_as_time(text: &str, start: usize, end: usize) -> bool {
    let mut b = start.saturating_sub(20).min(text.len());
    while b > 0 && !text.is_char_boundary(b) {
        b -= 1;
    }
    let before = lower_words(text.get(b..start).unwrap_or(""));
    let prev_ok = before
        .last()
        .is_some_and(|w| matches!(w.as_str(), "in" | "since" | "during"));
    let after = text.get(end.min(text.len())..).unwrap_or("");
    let next = after.trim_start();
    let next_ok = next.is_empty()
        || next.starts_with([',', '.', ';', ':', ')', '-', '\u{2014}'])
        || lower_words(next.get(..crate::text::floor_boundary(next, 12)).unwrap_or(""))
            .first()
            .is_some_and(|w| {
                matches!(
                    w.as_str(),
                    "and" | "when" | "after" | "before" | "as" | "the" | "to" | "but"
                )
            });
    prev_ok && next_ok && !deadline_before(text, start)
}

/// Is the stated date at `start` a deadline or maturity ("due March 1, 2011")?
/// One of `grammar/deadline_words.txt` within the three words before it.
pub(super) fn deadline_before(text: &str, start: usize) -> bool {
    let mut b = start.saturating_sub(40).min(text.len());
    while b > 0 && !text.is_char_boundary(b) {
        b -= 1;
    }
    let before = text.get(b..start).unwrap_or("");
    lower_words(before)
        .iter()
        .rev()
        .take(3)
        .any(|w| crate::grammar::deadline_word(w))
}

pub(super) fn stopwords() -> &'static BTreeSet<String> {
    static SW: OnceLock<BTreeSet<String>> = OnceLock::new();
    SW.get_or_init(|| {
        STOPWORDS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(str::to_lowercase)
            .collect()
    })
}

/// Content words of a sentence: long enough, not a stop word, not calendar or number words.
fn content_words(s: &str) -> BTreeSet<String> {
    let sw = stopwords();
    lower_words(s)
        .into_iter()
        .filter(|w| w.chars().count() >= 4 && !w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| !sw.contains(w) && !MONTHS.contains(&w.as_str()))
        .filter(|w| {
            ![
                "monday",
                "tuesday",
                "wednesday",
                "thursday",
                "friday",
                "saturday",
                "sunday",
            ]
            .contains(&w.as_str())
        })
        .collect()
}

fn parse_events(text: &str) -> Result<EventLexicon, String> {
    let mut lex = EventLexicon::default();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            continue;
        }
        let mut w = t.split_whitespace();
        let (Some(kind), Some(group)) = (w.next(), w.next()) else {
            return Err(format!(
                "grammar/anchor_events.txt:{}: expected `event|start GROUP WORD...`",
                i + 1
            ));
        };
        let map = match kind {
            "event" => &mut lex.event,
            "start" => &mut lex.start,
            other => {
                return Err(format!(
                    "grammar/anchor_events.txt:{}: unknown line kind {other:?} (expected event or start)",
                    i + 1
                ))
            }
        };
        for word in w {
            map.entry(word.to_lowercase()).or_default().push(group.to_string());
        }
    }
    Ok(lex)
}

fn events() -> Option<&'static EventLexicon> {
    static LEX: OnceLock<Result<EventLexicon, String>> = OnceLock::new();
    LEX.get_or_init(|| parse_events(EVENTS)).as_ref().ok()
}

/// Check that the embedded event lexicon loads (run by the tests).
pub fn check_event_lexicon() -> Result<(), String> {
    parse_events(EVENTS).map(|_| ())
}

/// The sentence around a byte range.
fn sentence(text: &str, r: &Range<usize>) -> Range<usize> {
    crate::text::sentence(text, r.clone())
}

fn lower_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Capitalised words that are not sentence openers or calendar words.
fn proper_nouns(s: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut sentence_start = true;
    for w in s.split_whitespace() {
        let core = w.trim_matches(|c: char| !c.is_alphanumeric());
        let core = core
            .strip_suffix("'s")
            .or_else(|| core.strip_suffix("’s"))
            .unwrap_or(core);
        if !sentence_start && core.len() > 2 && core.starts_with(char::is_uppercase) {
            let l = core.to_lowercase();
            let calendar = MONTHS.contains(&l.as_str())
                || [
                    "monday",
                    "tuesday",
                    "wednesday",
                    "thursday",
                    "friday",
                    "saturday",
                    "sunday",
                ]
                .contains(&l.as_str());
            if !calendar {
                out.insert(l);
            }
        }
        sentence_start = w.ends_with(['.', '!', '?', ':', '"', '“', '”']);
    }
    out
}

/// A resolved value's month and day when it has no year (`XXXX-02-04`,
/// `XXXX-05`, the first end of `XXXX-02-04/XXXX-02-05`).
pub(super) fn yearless(value: &str) -> Option<(u32, Option<u32>)> {
    let first = value.split('/').next()?;
    let rest = first.strip_prefix("XXXX-")?;
    let mut parts = rest.split('-');
    let m: u32 = parts.next()?.get(..2)?.parse().ok()?;
    if !(1..=12).contains(&m) {
        return None;
    }
    let d = match parts.next() {
        None => None,
        Some(p) => Some(p.get(..2)?.parse::<u32>().ok().filter(|d| (1..=31).contains(d))?),
    };
    Some((m, d))
}

/// A day word's offset from the publication day ("yesterday" → -1), from
/// the grammar's `relative_days.txt`.
fn relative_day(surface: &str) -> Option<i32> {
    let l = crate::grammar::lexicons().ok()?;
    let t = surface.trim().to_lowercase();
    l.relative_days
        .longest(&t)
        .filter(|(n, _)| *n == t.len())
        .map(|(_, (off, _))| *off)
}

/// A relative weekday's day (`XXXX-WXX-4` → Thursday).
pub(super) fn weekday_value(value: &str) -> Option<Weekday> {
    let rest = value.strip_prefix("XXXX-WXX-")?;
    match rest.get(..1)? {
        "1" => Some(Weekday::Mon),
        "2" => Some(Weekday::Tue),
        "3" => Some(Weekday::Wed),
        "4" => Some(Weekday::Thu),
        "5" => Some(Weekday::Fri),
        "6" => Some(Weekday::Sat),
        "7" => Some(Weekday::Sun),
        _ => None,
    }
}

/// Amount and unit length in days of a simple duration value (`P3Y`, `P6M`, `P2W`, `P10D`).
fn duration_days(value: &str) -> Option<(f64, f64)> {
    let body = value.strip_prefix('P')?;
    if body.starts_with('T') || body.len() < 2 {
        return None;
    }
    let (num, unit) = body.split_at(body.len() - 1);
    let n: f64 = num.parse().ok()?;
    if !n.is_finite() || n <= 0.0 || n > 500.0 {
        return None;
    }
    let per = match unit {
        "Y" => 365.25,
        "M" => 30.44,
        "W" => 7.0,
        "D" => 1.0,
        _ => return None,
    };
    Some((n, per))
}

/// Elapsed-time bounds (in units) that a duration's wording allows.
fn elapsed_bounds(n: f64, m: Option<TimexMod>) -> (f64, f64) {
    match m {
        Some(TimexMod::LessThan) => (n - (0.25 * n).min(0.5), n),
        Some(TimexMod::EqualOrLess) => (0.0, n),
        Some(TimexMod::Approx) => (n - (0.25 * n).max(0.5), n + (0.25 * n).max(0.5)),
        Some(TimexMod::MoreThan) | Some(TimexMod::EqualOrMore) => (n, n + 1.0 + 0.5 * n),
        _ => (n - (0.25 * n).min(0.5), n + 1.0),
    }
}

/// A dated start of an event group somewhere in the corpus.
#[derive(Debug, Clone)]
struct DatedStart {
    group: String,
    doc: usize,
    span: Range<usize>,
    from: Day,
    to: Day,
    nouns: BTreeSet<String>,
}

/// A day-exact date with its year, somewhere in the corpus, with the content
/// words of its sentence: what a year-less "April 20" elsewhere can link to.
#[derive(Debug, Clone)]
struct DatedDay {
    doc: usize,
    span: Range<usize>,
    date: NaiveDate,
    words: BTreeSet<String>,
}

/// Index of day-exact dated mentions by (month, day).
fn dated_days(
    docs: &[Document],
    resolved: &[Vec<Resolved>],
    furn: &[PageFurniture],
) -> BTreeMap<(u32, u32), Vec<DatedDay>> {
    let mut out: BTreeMap<(u32, u32), Vec<DatedDay>> = BTreeMap::new();
    for (i, doc) in docs.iter().enumerate() {
        for r in body_mentions(doc, &resolved[i], &furn[i]) {
            let t = &r.timex;
            if t.kind != TimexType::Date || t.value.contains('X') {
                continue;
            }
            let (Some(f), Some(to)) = (t.from, t.to) else {
                continue;
            };
            if f != to {
                continue;
            }
            let s = sentence(&doc.text, &(r.start..r.end));
            out.entry((f.month(), f.day())).or_default().push(DatedDay {
                doc: i,
                span: r.start..r.end,
                date: f,
                words: content_words(&doc.text[s]),
            });
        }
    }
    out
}

/// Mentions of one document that lie in its body, outside furniture.
pub(super) fn body_mentions<'a>(doc: &Document, res: &'a [Resolved], furn: &PageFurniture) -> Vec<&'a Resolved> {
    res.iter()
        .filter(|r| r.start >= doc.body.start && r.end <= doc.body.end && !furn.covers(&(r.start..r.end)))
        .collect()
}

/// Every start of an event group that the corpus dates.
fn dated_starts(docs: &[Document], resolved: &[Vec<Resolved>], furn: &[PageFurniture]) -> Vec<DatedStart> {
    let Some(lex) = events() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (i, doc) in docs.iter().enumerate() {
        for r in body_mentions(doc, &resolved[i], &furn[i]) {
            if r.timex.kind != TimexType::Date || r.timex.value.contains('X') {
                continue;
            }
            let (Some(f), Some(t)) = (r.timex.from, r.timex.to) else {
                continue;
            };
            let s = sentence(&doc.text, &(r.start..r.end));
            let words = lower_words(&doc.text[s.clone()]);
            let mut groups: BTreeSet<&String> = BTreeSet::new();
            for w in &words {
                if let Some(gs) = lex.start.get(w) {
                    groups.extend(gs.iter());
                }
            }
            for g in groups {
                out.push(DatedStart {
                    group: g.clone(),
                    doc: i,
                    span: r.start..r.end,
                    from: day(f),
                    to: day(t),
                    nouns: proper_nouns(&doc.text[s.clone()]),
                });
            }
        }
    }
    out
}

/// How a duration mention measures time up to publication, if it does:
/// "N-year-old EVENT", "N years of EVENT", "N years since EVENT", "N years into EVENT".
fn duration_event(text: &str, r: &Resolved) -> Option<String> {
    let lex = events()?;
    let after = &text[r.end.min(text.len())..];
    let after_words: Vec<String> = lower_words(after.get(..after.len().min(80)).unwrap_or(after))
        .into_iter()
        .take(6)
        .collect();
    let surface = r.text.to_lowercase();
    let before = &text[..r.start.min(text.len())];
    let from = crate::text::ceil_boundary(before, before.len().saturating_sub(40));
    let before_words: Vec<String> = lower_words(&before[from..]).into_iter().rev().take(3).collect();
    // "followed eight years of fighting": a bounded stretch in the past
    const LIMITING: [&str; 9] = [
        "followed",
        "following",
        "after",
        "before",
        "preceded",
        "previous",
        "first",
        "last",
        "within",
    ];
    let aged = surface.ends_with("-old") || after.starts_with("-old") || after.starts_with(" old");
    let (lead, rest): (&str, &[String]) = match after_words.split_first() {
        Some((w, rest)) => (w.as_str(), rest),
        None => ("", &[]),
    };
    let linked = aged || matches!(lead, "of" | "since" | "into");
    // "the first week of the war" names a stretch at the start, not the time since
    let limited_inside = lower_words(&surface).iter().any(|w| LIMITING.contains(&w.as_str()));
    if !linked || limited_inside || (!aged && before_words.iter().any(|w| LIMITING.contains(&w.as_str()))) {
        return None;
    }
    let scan: Vec<&String> = if aged {
        after_words.iter().take(4).collect()
    } else {
        rest.iter().take(4).collect()
    };
    for w in scan {
        if let Some(g) = lex.event.get(w.as_str()).and_then(|g| g.first()) {
            return Some(g.clone());
        }
    }
    None
}

fn quote(s: &str) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > 90 {
        let cut: String = s.chars().take(87).collect();
        format!("\"{cut}...\"")
    } else {
        format!("\"{s}\"")
    }
}

/// `d` plus `units` units of `per` days; years and months go by the calendar
/// (whole months with chrono's checked arithmetic, the rest in days), rounded
/// outwards (`up` for an upper bound).
fn shift(d: Day, units: f64, per: f64, up: bool) -> Option<Day> {
    let round = |x: f64| if up { x.ceil() } else { x.floor() };
    let months = if per > 360.0 {
        units * 12.0
    } else if per > 28.0 {
        units
    } else {
        return Some(d + round(units * per) as i64);
    };
    let whole = months.trunc();
    let rest_days = round((months - whole) * 30.44) as i64;
    let base = date(d)?;
    let m = chrono::Months::new(u32::try_from(whole as i64).ok()?);
    let moved = base.checked_add_months(m)?;
    Some(day(moved) + rest_days)
}

fn fmt(d: Option<Day>) -> String {
    d.and_then(date).map(|d| d.to_string()).unwrap_or_else(|| "?".into())
}

/// Per-document working state.
struct Work {
    evidence: Vec<Evidence>,
    constraints: Vec<(Strength, Constraint)>,
    years_seen: bool,
    /// Year-less days given a year by another telling, with their tense.
    linked: Vec<(Day, Tense)>,
}

impl Work {
    fn add(&mut self, ev: Evidence, allowed: Option<Allowed>) {
        self.add_checked(ev, allowed, true);
    }

    /// A constraint that narrows an unknown date but does not contradict a pin.
    fn add_soft(&mut self, ev: Evidence, allowed: Option<Allowed>) {
        self.add_checked(ev, allowed, false);
    }

    fn add_checked(&mut self, ev: Evidence, allowed: Option<Allowed>, checks_pin: bool) {
        let strength = ev.strength;
        self.evidence.push(ev);
        if let Some(allowed) = allowed {
            self.constraints.push((
                strength,
                Constraint {
                    allowed,
                    evidence: self.evidence.len() - 1,
                    checks_pin,
                },
            ));
        }
    }
}

fn evidence(doc: &Document, span: Range<usize>, implies: String, strength: Strength) -> Evidence {
    Evidence {
        text: doc.text.get(span.clone()).unwrap_or("").to_string(),
        span: [span.start, span.end],
        implies,
        strength,
        earliest: None,
        latest: None,
    }
}

/// Infer every document's anchor. `resolved[i]` holds the mentions of
/// `docs[i]` resolved by the text alone ([`super::resolve_textual`]).
pub fn infer(docs: &[Document], resolved: &[Vec<Resolved>], pins: &Pins, retrieved: Option<NaiveDate>) -> Vec<Anchor> {
    use rayon::prelude::*;
    let furn: Vec<PageFurniture> = docs.par_iter().map(furniture::analyse).collect();
    let starts = dated_starts(docs, resolved, &furn);
    let days = dated_days(docs, resolved, &furn);
    let doc_nouns: Vec<BTreeSet<String>> = docs.par_iter().map(|d| proper_nouns(d.body_text())).collect();
    let story = StoryIndex::new(docs, &days);
    let by_word = WordIndex::new(&days);
    let corpus = Corpus {
        docs,
        starts: &starts,
        days: &days,
        doc_nouns: &doc_nouns,
        story: &story,
        by_word: &by_word,
    };
    let mut anchors: Vec<Anchor> = (0..docs.len())
        .into_par_iter()
        .map(|i| {
            let empty = Vec::new();
            let res = resolved.get(i).unwrap_or(&empty);
            infer_one(i, &corpus, res, &furn[i], pins, retrieved)
        })
        .collect();
    super::neighbours::guess_from_neighbours(docs, resolved, &furn, &mut anchors);
    anchors
}

/// The days a story's articles date, found through each article's most
/// frequent names: what a year-less article's "June 4" most likely belongs to.
struct StoryIndex {
    /// Each document's three most frequent names.
    top: Vec<Vec<String>>,
    /// name → the days dated by the documents whose top names include it.
    days_by_name: BTreeMap<String, Vec<Day>>,
}

impl StoryIndex {
    fn new(docs: &[Document], days: &BTreeMap<(u32, u32), Vec<DatedDay>>) -> StoryIndex {
        let mut per_doc: Vec<Vec<Day>> = vec![Vec::new(); docs.len()];
        for list in days.values() {
            for d in list {
                if let Some(v) = per_doc.get_mut(d.doc) {
                    v.push(day(d.date));
                }
            }
        }
        let top: Vec<Vec<String>> = docs.iter().map(|d| top_names(d.body_text(), 3)).collect();
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
        StoryIndex { top, days_by_name }
    }

    /// The year in which the story's articles most often date days within
    /// 45 days of `month/day`, if one year clearly leads.
    fn year_for(&self, doc: usize, month: u32, dom: u32) -> Option<i32> {
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
                let a = list.partition_point(|d| *d < c - 45);
                let b = list.partition_point(|d| *d <= c + 45);
                *votes.entry(y).or_default() += b - a;
            }
        }
        let mut v: Vec<(usize, i32)> = votes.into_iter().map(|(y, n)| (n, y)).collect();
        v.sort_unstable_by(|a, b| b.cmp(a));
        match v.as_slice() {
            [(n, y), rest @ ..] if *n >= 3 && rest.first().is_none_or(|(m, _)| *n >= 2 * *m) => Some(*y),
            _ => None,
        }
    }
}

/// A text's most frequent capitalised names (not sentence openers).
fn top_names(s: &str, k: usize) -> Vec<String> {
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
struct Corpus<'a> {
    docs: &'a [Document],
    starts: &'a [DatedStart],
    days: &'a BTreeMap<(u32, u32), Vec<DatedDay>>,
    doc_nouns: &'a [BTreeSet<String>],
    story: &'a StoryIndex,
    by_word: &'a WordIndex<'a>,
}

/// The corpus's day-exact dated tellings, by the content words of their sentences.
struct WordIndex<'a> {
    all: Vec<&'a DatedDay>,
    by_word: BTreeMap<&'a str, Vec<usize>>,
}

impl<'a> WordIndex<'a> {
    fn new(days: &'a BTreeMap<(u32, u32), Vec<DatedDay>>) -> WordIndex<'a> {
        let all: Vec<&DatedDay> = days.values().flatten().collect();
        let mut by_word: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (k, d) in all.iter().enumerate() {
            for w in &d.words {
                by_word.entry(w.as_str()).or_default().push(k);
            }
        }
        WordIndex { all, by_word }
    }

    /// The day another article dates the event a relative weekday of this one
    /// tells ("BP cut the pipe on Thursday" ↔ "on June 3, 2010 BP cut the
    /// pipe"): three shared content words, the weekday matching, one best day.
    fn weekday_event(&self, doc: usize, words: &BTreeSet<String>, wd: Option<Weekday>) -> Option<&'a DatedDay> {
        let mut overlap: BTreeMap<usize, usize> = BTreeMap::new();
        for w in words {
            if let Some(list) = self.by_word.get(w.as_str()) {
                // a word in very many tellings says nothing about which event
                if list.len() > 200 {
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
            if n < 3 || d.doc == doc || wd.is_some_and(|wd| d.date.weekday() != wd) {
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

fn infer_one(
    i: usize,
    corpus: &Corpus<'_>,
    res: &[Resolved],
    furn: &PageFurniture,
    pins: &Pins,
    cli_retrieved: Option<NaiveDate>,
) -> Anchor {
    let doc = &corpus.docs[i];
    let pin = pins.by_doc.get(&doc.id);
    let mut w = Work {
        evidence: Vec::new(),
        constraints: Vec::new(),
        years_seen: false,
        linked: Vec::new(),
    };
    let pinned = pin.and_then(|p| p.published).or(doc.meta.published);
    if let Some(p) = pinned {
        let (why, line) = match pin.and_then(|p| p.published) {
            Some(_) => (
                format!(
                    "pinned: published {p} ({}:{})",
                    pins.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
                    pin.map(|p| p.line).unwrap_or(0)
                ),
                0,
            ),
            None => (format!("pinned: the input gives the publication date {p}"), 0),
        };
        let _ = line;
        let mut ev = evidence(doc, 0..0, why, Strength::Strong);
        ev.earliest = Some(p);
        ev.latest = Some(p);
        w.evidence.push(ev);
    }
    let retrieved = pin.and_then(|p| p.retrieved).or(doc.meta.retrieved).or(cli_retrieved);
    if let Some(r) = retrieved {
        let mut ev = evidence(
            doc,
            0..0,
            format!("on or before {r}: the page was retrieved then"),
            Strength::Strong,
        );
        ev.latest = Some(r);
        w.add(ev, Some(Allowed::Interval(None, Some(day(r)))));
    }
    for s in &furn.stamps {
        match retrieved {
            Some(r) => {
                let lo = day(r) - s.max_days;
                let hi = day(r) - s.min_days;
                let mut ev = evidence(
                    doc,
                    s.range.clone(),
                    format!(
                        "between {} and {}: page stamp read against the retrieval date {r}",
                        fmt(Some(lo)),
                        fmt(Some(hi))
                    ),
                    Strength::Medium,
                );
                ev.earliest = date(lo);
                ev.latest = date(hi);
                w.add(ev, Some(Allowed::Interval(Some(lo), Some(hi))));
            }
            None => {
                let ev = evidence(
                    doc,
                    s.range.clone(),
                    "nothing without a retrieval date: a relative page stamp counts from the day the page was read"
                        .into(),
                    Strength::Weak,
                );
                w.evidence.push(ev);
            }
        }
    }
    let body = body_mentions(doc, res, furn);
    // A stamp ("amended on …", a reader's comment) is furniture, but its date
    // still bounds the publication from above.
    for r in res
        .iter()
        .filter(|r| r.start >= doc.body.start && r.end <= doc.body.end)
    {
        let t = &r.timex;
        if !furn.covers(&(r.start..r.end)) || !furniture::is_stamp(&doc.text, &(r.start..r.end)) {
            continue;
        }
        let day_exact = t.from.is_some() && t.from == t.to;
        if let (Some(to), false, true) = (t.to, t.value.contains('X'), day_exact) {
            let mut ev = evidence(
                doc,
                r.start..r.end,
                format!(
                    "on or before {to}: {} stamps a later change to the page",
                    quote(&r.text)
                ),
                Strength::Medium,
            );
            ev.latest = Some(to);
            w.add(ev, Some(Allowed::Interval(None, Some(day(to)))));
        }
    }
    let mut dated_body_max: Option<Day> = None;
    for r in &body {
        let t = &r.timex;
        let q = quote(&r.text);
        if furniture::is_stamp(&doc.text, &(r.start..r.end)) {
            // the page changed then (an amendment, a reader's comment): it
            // was published on or before
            let day_exact = t.from.is_some() && t.from == t.to;
            if let (Some(to), false, true) = (t.to, t.value.contains('X'), day_exact) {
                let mut ev = evidence(
                    doc,
                    r.start..r.end,
                    format!("on or before {to}: {q} stamps a later change to the page"),
                    Strength::Medium,
                );
                ev.latest = Some(to);
                w.add(ev, Some(Allowed::Interval(None, Some(day(to)))));
            }
            continue;
        }
        let year_only = t.from.zip(t.to).is_some_and(|(f, to)| (to - f).num_days() > 200);
        if matches!(t.kind, TimexType::Date | TimexType::Time)
            && !t.value.contains('X')
            && year_only
            && !bare_year_told_as_time(&doc.text, r.start, r.end)
        {
            // a bare year's clause tense is too often misread ("by 2012",
            // "in 2009 … will") to bound anything; it still shows a year is stated
            w.years_seen = true;
            if let Some(to) = t.to {
                dated_body_max = Some(dated_body_max.map_or(day(to), |m| m.max(day(to))));
            }
            continue;
        }
        if matches!(t.kind, TimexType::Date | TimexType::Time) && !t.value.contains('X') {
            if let (Some(f), Some(to)) = (t.from, t.to) {
                w.years_seen = true;
                dated_body_max = Some(dated_body_max.map_or(day(to), |m| m.max(day(to))));
                // resolution reads tense only where it picks a year; a stated
                // date needs it here
                let (tense, cue) = match r.tense {
                    Tense::Unknown => crate::resolve::tense_at(&doc.text, r.start, r.end),
                    t => (t, None),
                };
                // A stated date read as future bounds the publication only with
                // a scheduling cue: a bare "will" somewhere in the clause was
                // wrong for a third of T17's dated futures.
                let tense = if tense == Tense::Past && deadline_before(&doc.text, r.start) {
                    Tense::Unknown
                } else {
                    tense
                };
                let tense = match (tense, cue.as_deref()) {
                    (Tense::Future, Some(c))
                        if !matches!(
                            c.to_ascii_lowercase().as_str(),
                            "scheduled" | "upcoming" | "planned" | "expected"
                        ) =>
                    {
                        Tense::Unknown
                    }
                    (t, _) => t,
                };
                match tense {
                    Tense::Past => {
                        let mut ev = evidence(
                            doc,
                            r.start..r.end,
                            format!("on or after {f}: {q} is told in the past"),
                            Strength::Medium,
                        );
                        ev.earliest = Some(f);
                        if year_only {
                            w.add_soft(ev, Some(Allowed::Interval(Some(day(f)), None)));
                        } else {
                            w.add(ev, Some(Allowed::Interval(Some(day(f)), None)));
                        }
                    }
                    Tense::Future => {
                        let mut ev = evidence(
                            doc,
                            r.start..r.end,
                            format!("on or before {to}: {q} is still ahead"),
                            Strength::Medium,
                        );
                        ev.latest = Some(to);
                        if year_only {
                            w.add_soft(ev, Some(Allowed::Interval(None, Some(day(to)))));
                        } else {
                            w.add(ev, Some(Allowed::Interval(None, Some(day(to)))));
                        }
                    }
                    _ => {}
                }
                // a stated weekday must match the date
                if let Some(wd) = r.weekday {
                    if f == to && f.weekday() != wd {
                        let ev = evidence(
                            doc,
                            r.start..r.end,
                            format!("nothing: {q} names a {wd:?} but {f} is a {:?}", f.weekday()),
                            Strength::Weak,
                        );
                        w.evidence.push(ev);
                    }
                }
                continue;
            }
        }
        if let Some((m, d)) = yearless(&t.value) {
            let (dom, is_day) = match d {
                Some(d) => (d, true),
                None => (1, false),
            };
            let month_len = if is_day { 0 } else { 30 };
            let weekday = r.weekday.filter(|_| is_day);
            let allowed = match r.tense {
                Tense::Past => Some(Allowed::Periodic {
                    month: m,
                    day: dom,
                    before: 0,
                    after: YEARLESS_HORIZON,
                    weekday,
                }),
                Tense::Future => Some(Allowed::Periodic {
                    month: m,
                    day: dom,
                    before: -YEARLESS_HORIZON,
                    after: month_len,
                    weekday,
                }),
                _ => weekday.map(|wd| Allowed::Periodic {
                    month: m,
                    day: dom,
                    before: -YEARLESS_HORIZON,
                    after: YEARLESS_HORIZON,
                    weekday: Some(wd),
                }),
            };
            if is_day && matches!(r.tense, Tense::Past | Tense::Future) {
                link_year(i, doc, r, (m, dom), corpus, &mut w);
            }
            if let Some(a) = allowed {
                let what = match (r.tense, weekday) {
                    (Tense::Past, _) => format!("within {YEARLESS_HORIZON} days after the {q} it tells in the past"),
                    (Tense::Future, _) => format!("within {YEARLESS_HORIZON} days before the {q} still ahead"),
                    (_, Some(wd)) => format!("near a year in which {q} falls on a {wd:?}"),
                    _ => String::new(),
                };
                let strength = if weekday.is_some() {
                    Strength::Strong
                } else {
                    Strength::Medium
                };
                w.add_soft(evidence(doc, r.start..r.end, what, strength), Some(a));
            }
            continue;
        }
        if t.kind == TimexType::Duration {
            if let Some(group) = duration_event(&doc.text, r) {
                link_duration(i, doc, r, &group, corpus.starts, corpus.doc_nouns, corpus.docs, &mut w);
            }
        }
    }
    let has_dated_day = body
        .iter()
        .any(|r| r.timex.from.is_some() && r.timex.from == r.timex.to && !r.timex.value.contains('X'));
    // A relative weekday whose event another article dates: a guess for
    // `best` (the article was written on that day or within the week after),
    // never a bound; only for an article that dates no day itself.
    let undated = !has_dated_day && w.linked.is_empty();
    let headed = body.iter().any(|r| {
        r.start - doc.body.start < 400
            && r.timex.from.is_some()
            && r.timex.from == r.timex.to
            && !r.timex.value.contains('X')
    });
    for r in body.iter().filter(|_| !headed) {
        if r.tense == Tense::Future {
            continue;
        }
        // "on Thursday": the event's day has that weekday and the article
        // follows within the week; "yesterday": the article is a day after it
        let (wd, offset) = match (weekday_value(&r.timex.value), relative_day(&r.text)) {
            (Some(wd), _) => (Some(wd), 0),
            (None, Some(off)) if off <= 0 => (None, -i64::from(off)),
            _ => continue,
        };
        let s = sentence(&doc.text, &(r.start..r.end));
        let words = content_words(&doc.text[s]);
        if let Some(d) = corpus.by_word.weekday_event(i, &words, wd) {
            w.linked.push((day(d.date) + offset, Tense::Past));
            let src = &corpus.docs[d.doc];
            w.evidence.push(evidence(
                doc,
                r.start..r.end,
                format!(
                    "a guess, not a bound: {} read as {}, the day {} in {} gives the same event",
                    quote(&r.text),
                    d.date,
                    quote(&src.text[d.span.clone()]),
                    src.id
                ),
                Strength::Weak,
            ));
        }
    }
    if undated && w.linked.is_empty() {
        // Nothing in the article carries a year: its year-less days take the
        // year in which its story's articles date days near them. A guess for
        // `best`, never a bound.
        for r in &body {
            if r.tense == Tense::Future {
                continue;
            }
            if let Some((m, Some(dd))) = yearless(&r.timex.value) {
                if let Some(y) = corpus.story.year_for(i, m, dd) {
                    if let Some(d) = date_day(y, m, dd) {
                        w.linked.push((d, r.tense));
                        w.evidence.push(evidence(
                            doc,
                            r.start..r.end,
                            format!(
                                "a guess, not a bound: {} read as {y}, the year its story's articles date days near it",
                                quote(&r.text)
                            ),
                            Strength::Weak,
                        ));
                    }
                }
            }
        }
    }
    solve(doc, w, pinned, furn, dated_body_max, retrieved, res)
}

/// Give a year-less day ("on April 20") the year that another article gives
/// the same event ("the April 20, 2010 explosion"): the two sentences must
/// share two content words, and every such link must agree on the year.
fn link_year(i: usize, doc: &Document, r: &Resolved, md: (u32, u32), corpus: &Corpus<'_>, w: &mut Work) {
    let Some(cands) = corpus.days.get(&md) else {
        return;
    };
    let s = sentence(&doc.text, &(r.start..r.end));
    let mine = content_words(&doc.text[s]);
    let links: Vec<&DatedDay> = cands
        .iter()
        .filter(|c| c.doc != i || c.span.start != r.start)
        .filter(|c| c.words.intersection(&mine).count() >= 2)
        .collect();
    let Some(first) = links.first() else {
        return;
    };
    if links.iter().any(|c| c.date != first.date) {
        return;
    }
    let d = first.date;
    let src = &corpus.docs[first.doc];
    let shared: Vec<&String> = first.words.intersection(&mine).take(3).collect();
    let q = quote(&r.text);
    let from = if first.doc == i {
        "this article".to_string()
    } else {
        src.id.clone()
    };
    let how = format!(
        "{} in {from} dates the same event (shared words: {})",
        quote(&src.text[first.span.clone()]),
        shared.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ")
    );
    w.years_seen = true;
    // Only a past telling bounds the date: from below, with no horizon, since
    // famous days ("September 11", "June 4th") are told without a year long
    // after. A future telling of a day the corpus dates is most often a tense
    // misread ("since the April 20 explosion, which will …"): it is kept as
    // a cue for the best guess, not as a constraint.
    w.linked.push((day(d), r.tense));
    if r.tense == Tense::Past {
        let mut ev = evidence(
            doc,
            r.start..r.end,
            format!("on or after {d}: {q} is told in the past without a year, and {how}"),
            Strength::Medium,
        );
        ev.earliest = Some(d);
        w.add_soft(ev, Some(Allowed::Interval(Some(day(d)), None)));
    }
}

/// Bound the publication date by a duration measured from an event whose
/// start some article dates.
#[allow(clippy::too_many_arguments)]
fn link_duration(
    i: usize,
    doc: &Document,
    r: &Resolved,
    group: &str,
    starts: &[DatedStart],
    doc_nouns: &[BTreeSet<String>],
    docs: &[Document],
    w: &mut Work,
) {
    let Some((n, per)) = duration_days(&r.timex.value) else {
        return;
    };
    let mine = &doc_nouns[i];
    // Same group, and the dated sentence names something this article names
    // (Ukraine, Putin …), and the two articles share at least three names.
    let cands: Vec<&DatedStart> = starts
        .iter()
        .filter(|s| s.group == group)
        .filter(|s| s.nouns.intersection(mine).count() >= 1)
        .filter(|s| s.doc == i || doc_nouns[s.doc].intersection(mine).count() >= 3)
        .collect();
    if cands.is_empty() {
        return;
    }
    let from = cands.iter().map(|s| s.from).min().unwrap_or(0);
    let to = cands.iter().map(|s| s.to).max().unwrap_or(0);
    let q = quote(&r.text);
    if to - from > 366 {
        let names: Vec<String> = cands
            .iter()
            .map(|s| format!("{} in {}", quote(&docs[s.doc].text[s.span.clone()]), docs[s.doc].id))
            .collect();
        w.evidence.push(evidence(
            doc,
            r.start..r.end,
            format!(
                "nothing: {q} counts from the start of the {group}, which the corpus dates differently ({})",
                names.join(", ")
            ),
            Strength::Weak,
        ));
        return;
    }
    let (lo_u, hi_u) = elapsed_bounds(n, r.timex.modifier);
    let (Some(lo), Some(hi)) = (shift(from, lo_u, per, false), shift(to, hi_u, per, true)) else {
        return;
    };
    let src = cands[0];
    let src_doc = &docs[src.doc];
    let mut ev = evidence(
        doc,
        r.start..r.end,
        format!(
            "between {} and {}: {q} of the {group} since its start, dated {} in {}",
            fmt(Some(lo)),
            fmt(Some(hi)),
            quote(&src_doc.text[src.span.clone()]),
            if src.doc == i {
                "this article".to_string()
            } else {
                src_doc.id.clone()
            }
        ),
        Strength::Medium,
    );
    ev.earliest = date(lo);
    ev.latest = date(hi);
    w.years_seen = true;
    w.add_soft(ev, Some(Allowed::Interval(Some(lo), Some(hi))));
}

/// An upper bound at most this many days above a lone lower bound confirms it.
const CORROBORATE_DAYS: Day = 7;

/// A single past telling that alone lifts the lower bound more than a few
/// days above every other is set aside (and says so): a misread tense or a
/// reader's comment must not win silently. It only widens the interval.
fn set_aside_lone_latest(w: &mut Work) {
    let lows: Vec<(usize, Day)> = w
        .constraints
        .iter()
        .enumerate()
        .filter(|(_, (s, _))| *s == Strength::Medium)
        .filter_map(|(k, (_, c))| match c.allowed {
            Allowed::Interval(Some(lo), None) => Some((k, lo)),
            _ => None,
        })
        .collect();
    if lows.len() < 2 {
        return;
    }
    let max = lows.iter().map(|l| l.1).max().unwrap_or(0);
    let at_max: Vec<usize> = lows.iter().filter(|l| l.1 == max).map(|l| l.0).collect();
    let second = lows.iter().map(|l| l.1).filter(|d| *d < max).max();
    // an upper bound from another statement close above it corroborates it
    // ("Saturday, 25 April 2009" under comments stamped 26th Apr 2009)
    let corroborated = |k: usize| {
        w.constraints.iter().enumerate().any(|(j, (_, c))| {
            j != k && matches!(c.allowed, Allowed::Interval(_, Some(hi)) if hi >= max && hi - max <= CORROBORATE_DAYS)
        })
    };
    if let ([k], Some(second)) = (at_max.as_slice(), second) {
        if max - second > 3 && !corroborated(*k) {
            let (_, c) = w.constraints.remove(*k);
            let ev = &mut w.evidence[c.evidence];
            ev.implies = format!(
                "set aside: {} (it alone would move the earliest day {} days past every other statement)",
                ev.implies,
                max - second
            );
            ev.earliest = None;
        }
    }
}

fn solve(
    doc: &Document,
    mut w: Work,
    pinned: Option<NaiveDate>,
    furn: &PageFurniture,
    dated_body_max: Option<Day>,
    retrieved: Option<NaiveDate>,
    res: &[Resolved],
) -> Anchor {
    // strongest first; stable within a strength (text order)
    w.constraints.sort_by_key(|c| std::cmp::Reverse(c.0));
    set_aside_lone_latest(&mut w);
    // interval constraints first, so periodic ones expand over a narrow range
    let (intervals, periodic): (Vec<_>, Vec<_>) = w
        .constraints
        .iter()
        .partition(|(_, c)| matches!(c.allowed, Allowed::Interval(..)));
    let mut set = DaySet::all();
    let mut lo_by: Option<usize> = None;
    let mut hi_by: Option<usize> = None;
    let mut rejected: Vec<(usize, Vec<usize>)> = Vec::new();
    for (_, c) in &intervals {
        let next = set.intersect(&c.allowed.to_set(OPEN_YEARS));
        if next.is_empty() {
            let against: Vec<usize> = [lo_by, hi_by].into_iter().flatten().collect();
            rejected.push((c.evidence, against));
            continue;
        }
        if next.min() != set.min() {
            lo_by = Some(c.evidence);
        }
        if next.max() != set.max() {
            hi_by = Some(c.evidence);
        }
        set = next;
    }
    let all = DaySet::all();
    let open_lo = set.min() == all.min();
    let open_hi = set.max() == all.max();
    let years = (
        if open_lo {
            OPEN_YEARS.0
        } else {
            set.min().and_then(date).map(|d| d.year() - 1).unwrap_or(OPEN_YEARS.0)
        },
        if open_hi {
            OPEN_YEARS.1
        } else {
            set.max().and_then(date).map(|d| d.year() + 1).unwrap_or(OPEN_YEARS.1)
        },
    );
    // periodic windows are expanded year by year: keep that bounded whatever the dates
    let years = (
        years.0.clamp(OPEN_YEARS.0 - 1000, OPEN_YEARS.1 + 1000),
        years.1.clamp(OPEN_YEARS.0 - 1000, OPEN_YEARS.1 + 1000),
    );
    let window = Allowed::Interval(
        date_day(years.0, 1, 1).map(|d| d - YEARLESS_HORIZON - 31),
        date_day(years.1, 12, 31).map(|d| d + YEARLESS_HORIZON + 31),
    )
    .to_set(OPEN_YEARS);
    let mut pset = set.intersect(&window);
    for (_, c) in &periodic {
        let next = pset.intersect(&c.allowed.to_set(years));
        if next.is_empty() {
            let against: Vec<usize> = [lo_by, hi_by].into_iter().flatten().collect();
            rejected.push((c.evidence, against));
            continue;
        }
        pset = next;
    }
    let earliest = if open_lo { None } else { pset.min().and_then(date) };
    let latest = if open_hi { None } else { pset.max().and_then(date) };

    // conflicts
    let mut conflicts = Vec::new();
    let mut reasons = Vec::new();
    for (ev, against) in &rejected {
        let e = &w.evidence[*ev];
        let others: Vec<String> = against
            .iter()
            .filter(|a| **a != *ev)
            .map(|a| quote(&w.evidence[*a].text))
            .collect();
        reasons.push(format!(
            "{} ({}) disagrees with {}",
            quote(&e.text),
            e.implies,
            if others.is_empty() {
                "the other statements".to_string()
            } else {
                others.join(" and ")
            }
        ));
    }
    // copyright lines: evidence, and a conflict when they contradict the body
    for c in &furn.copyrights {
        let body_year = dated_body_max.and_then(date).map(|d| d.year());
        let late = latest.filter(|l| c.year > l.year());
        let early = body_year.filter(|y| c.year < *y);
        let ev_text = doc.text.get(c.range.clone()).unwrap_or("").to_string();
        let implies = match (late, early) {
            (Some(l), _) => format!(
                "nothing: the footer year {} is a year or more after the body's dating (no later than {l})",
                c.year
            ),
            (None, Some(y)) => format!(
                "nothing: the footer year {} is before events the body dates in {y}",
                c.year
            ),
            _ => format!(
                "nothing: a copyright year ({}) is a page date, not a publication date",
                c.year
            ),
        };
        w.evidence.push(Evidence {
            text: ev_text.clone(),
            span: [c.range.start, c.range.end],
            implies: implies.clone(),
            strength: Strength::Weak,
            earliest: None,
            latest: None,
        });
        if late.is_some() || early.is_some() {
            let mut statements = vec![Statement {
                doc: doc.id.clone(),
                span: [c.range.start, c.range.end],
                text: ev_text.clone(),
            }];
            let binding = if late.is_some() { hi_by } else { lo_by };
            if let Some(b) = binding {
                let e = &w.evidence[b];
                if e.span[1] > 0 {
                    statements.push(Statement {
                        doc: doc.id.clone(),
                        span: e.span,
                        text: e.text.clone(),
                    });
                }
            }
            let explanation = match late {
                Some(l) => format!(
                    "The footer says {}, but the body dates the article no later than {l}{}.",
                    ev_text.trim(),
                    binding
                        .map(|b| format!(" ({})", w.evidence[b].implies))
                        .unwrap_or_default()
                ),
                None => format!(
                    "The footer says {}, but the body tells of events in {}.",
                    ev_text.trim(),
                    body_year.unwrap_or_default()
                ),
            };
            conflicts.push(Conflict {
                id: String::new(),
                kind: "copyright_vs_body".into(),
                docs: vec![doc.id.clone()],
                statements,
                explanation,
                events: Vec::new(),
            });
        }
    }
    // a pin the text contradicts
    if let Some(p) = pinned {
        let pd = day(p);
        for (_, c) in w.constraints.iter().filter(|(_, c)| c.checks_pin) {
            let s = c.allowed.to_set((p.year() - 2, p.year() + 2));
            // a day either side for the time zones of writer and page
            if !s.contains(pd) && !s.contains(pd - 1) && !s.contains(pd + 1) {
                let e = &w.evidence[c.evidence];
                conflicts.push(Conflict {
                    id: String::new(),
                    kind: "pin_contradicted".into(),
                    docs: vec![doc.id.clone()],
                    statements: vec![Statement {
                        doc: doc.id.clone(),
                        span: e.span,
                        text: e.text.clone(),
                    }],
                    explanation: format!(
                        "The publication date is pinned to {p}, but {} says the article was published {}.",
                        quote(&e.text),
                        e.implies.split(':').next().unwrap_or("otherwise")
                    ),
                    events: Vec::new(),
                });
            }
        }
    }
    for (n, c) in conflicts.iter_mut().enumerate() {
        c.id = format!("c-{}-{}", doc.id, n + 1);
    }

    let (text_earliest, text_latest) = if pinned.is_some() {
        (earliest, latest)
    } else {
        (None, None)
    };
    let (status, reason, earliest, latest, best) = if let Some(p) = pinned {
        (Status::Pinned, None, Some(p), Some(p), Some(p))
    } else {
        let best = best_guess(doc, &pset, earliest, latest, res, furn, &w.linked);
        if !rejected.is_empty() {
            (Status::Conflicting, Some(reasons.join("; ")), earliest, latest, best)
        } else {
            match (earliest, latest) {
                (Some(e), Some(l)) if (l - e).num_days() < DETERMINED_DAYS => {
                    (Status::Determined, None, Some(e), Some(l), best)
                }
                (Some(e), Some(l)) => (Status::Bounded, None, Some(e), Some(l), best),
                (e, l) => {
                    let mut why = Vec::new();
                    if !w.years_seen && e.is_none() && l.is_none() {
                        why.push("no year is stated".to_string());
                    }
                    if l.is_none() {
                        let stamp = furn
                            .stamps
                            .first()
                            .map(|s| quote(doc.text.get(s.range.clone()).unwrap_or("")));
                        why.push(match (stamp, retrieved) {
                            (Some(s), None) => format!("nothing bounds it from above ({s} needs the retrieval date)"),
                            _ => "nothing bounds it from above".to_string(),
                        });
                    }
                    if e.is_none() {
                        why.push("nothing bounds it from below".to_string());
                    }
                    why.push("pin it in anchors.yaml or give --retrieved".into());
                    (Status::UnderDetermined, Some(why.join("; ")), e, l, best)
                }
            }
        }
    };
    Anchor {
        doc: doc.id.clone(),
        earliest,
        latest,
        best,
        status,
        reason,
        text_earliest,
        text_latest,
        evidence: w.evidence,
        conflicts,
    }
}

fn date_day(y: i32, m: u32, d: u32) -> Option<Day> {
    NaiveDate::from_ymd_opt(y, m, d).map(day)
}

/// The single most likely day inside the allowed set: news tells events soon
/// after they happen, so days just after the latest dated event score high, a
/// date at the head of the article (a dateline) scores higher, and days whose
/// weekday fits the text's "Thursday"s score higher still.
fn best_guess(
    doc: &Document,
    set: &DaySet,
    earliest: Option<NaiveDate>,
    latest: Option<NaiveDate>,
    res: &[Resolved],
    furn: &PageFurniture,
    linked: &[(Day, Tense)],
) -> Option<NaiveDate> {
    let body = body_mentions(doc, res, furn);
    // day-exact dates: stated with their year, or given one by another telling
    let mut days: Vec<(Day, Tense, usize, bool)> = Vec::new();
    let mut weekdays: Vec<(Weekday, Tense)> = Vec::new();
    for r in &body {
        let t = &r.timex;
        if let (Some(f), Some(to)) = (t.from, t.to) {
            if f == to && !t.value.contains('X') && matches!(t.kind, TimexType::Date | TimexType::Time) {
                let tense = match r.tense {
                    Tense::Unknown => crate::resolve::tense_at(&doc.text, r.start, r.end).0,
                    t => t,
                };
                days.push((day(f), tense, r.start - doc.body.start, r.weekday.is_some()));
            }
        }
        if let Some(wd) = weekday_value(&t.value) {
            weekdays.push((wd, r.tense));
        }
    }
    days.extend(linked.iter().map(|&(d, t)| (d, t, usize::MAX, false)));
    let lo = earliest.map(day);
    let hi = latest.map(day);
    let bounded = lo.is_some() || hi.is_some();
    // the latest day told as past or without tense, inside the bounds
    let told = days
        .iter()
        .filter(|d| d.1 != Tense::Future)
        .map(|d| d.0)
        .filter(|d| lo.is_none_or(|l| *d >= l - 7) && hi.is_none_or(|h| *d <= h))
        .max();
    let (from, to) = match (lo, hi, told) {
        (Some(a), Some(b), _) => (a, b.min(a + 400)),
        // a lower bound alone ("the early 1990s" told in the past) says nothing
        // of the day: no guess without a day told
        (Some(_), None, None) => return None,
        (Some(a), None, Some(t)) => {
            let base = t.max(a);
            ((base - 3).max(a), base + 60)
        }
        (None, Some(b), Some(t)) => (t.max(b - 400), b),
        (None, None, Some(t)) => (t - 1, t + 60),
        (_, _, None) => return None,
    };
    // news is told soon after the latest thing it tells of
    let base = told.unwrap_or(from);
    let mut best: Option<(f64, Day)> = None;
    for d in from..=to {
        if bounded && !set.contains(d) {
            continue;
        }
        let mut score = -0.02 * (d - base).max(0) as f64 - 0.05 * (base - d).max(0) as f64;
        for &(m, tense, at, with_weekday) in &days {
            let gap = d - m;
            // a date at the head of the article, stronger with its weekday
            // ("LONDON | Tue Nov 2 , 2010 2:39 pm EDT")
            let dateline = at < 400 && tense != Tense::Future;
            let head = if with_weekday { 6.0 } else { 4.0 };
            score += match gap {
                0 if dateline => head,
                1 if dateline => head / 2.0,
                0 => 1.0,
                1 => 0.8,
                2..=7 => 0.2,
                // a past event after the publication day is impossible
                i64::MIN..=-1 if tense == Tense::Past => -2.0,
                _ => 0.0,
            };
        }
        if let Some(dd) = date(d) {
            for &(wd, tense) in &weekdays {
                let k = (dd.weekday().num_days_from_monday() as i64 - wd.num_days_from_monday() as i64).rem_euclid(7);
                score += match (tense, k) {
                    (Tense::Future, 6) => 0.5,
                    (Tense::Future, _) => 0.0,
                    (_, 0) => 1.0,
                    (_, 1) => 0.6,
                    _ => 0.0,
                };
            }
        }
        if best.is_none_or(|(s, _)| score > s + 1e-9) {
            best = Some((score, d));
        }
    }
    best.and_then(|(_, d)| date(d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timex::Timex;
    use pretty_assertions::assert_eq;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid test date")
    }

    fn mention(text: &str, needle: &str, value: &str, kind: TimexType, tense: Tense) -> Resolved {
        let start = text.find(needle).expect("needle in text");
        let (from, to) = match crate::ingest::parse_day(value) {
            Some(d) => (Some(d), Some(d)),
            None if value.len() == 7 && !value.contains('X') => {
                let f = NaiveDate::parse_from_str(&format!("{value}-01"), "%Y-%m-%d").ok();
                let t = f
                    .and_then(|f| f.checked_add_months(chrono::Months::new(1)))
                    .and_then(|n| n.pred_opt());
                (f, t)
            }
            None => (None, None),
        };
        Resolved {
            start,
            end: start + needle.len(),
            text: needle.to_string(),
            timex: Timex {
                kind,
                value: value.to_string(),
                modifier: if needle.starts_with("nearly") || needle.starts_with("almost") {
                    Some(TimexMod::LessThan)
                } else {
                    None
                },
                from,
                to,
                why: String::new(),
                ambiguous: false,
            },
            range: None,
            tense,
            weekday: None,
            partial: None,
        }
    }

    #[test]
    fn event_lexicon_loads() {
        assert_eq!(check_event_lexicon(), Ok(()));
    }

    #[test]
    fn daysets_intersect() {
        let a = DaySet(vec![(0, 10), (20, 30)]);
        let b = DaySet(vec![(5, 25)]);
        assert_eq!(a.intersect(&b), DaySet(vec![(5, 10), (20, 25)]));
        assert!(a.intersect(&DaySet(vec![(11, 19)])).is_empty());
    }

    #[test]
    fn yearless_values() {
        assert_eq!(yearless("XXXX-02-04"), Some((2, Some(4))));
        assert_eq!(yearless("XXXX-02-04/XXXX-02-05"), Some((2, Some(4))));
        assert_eq!(yearless("XXXX-05"), Some((5, None)));
        assert_eq!(yearless("XXXX-13-01"), None);
        assert_eq!(yearless("2025-02-04"), None);
    }

    #[test]
    fn past_full_date_is_a_lower_bound_and_future_an_upper() {
        let text = "Talks were held on February 4, 2025. A visit is scheduled for March 3, 2025.";
        let d = Document::from_text("a", text);
        let res = vec![
            mention(text, "February 4, 2025", "2025-02-04", TimexType::Date, Tense::Past),
            mention(text, "March 3, 2025", "2025-03-03", TimexType::Date, Tense::Future),
        ];
        let a = &infer(&[d], &[res], &Pins::default(), None)[0];
        assert_eq!((a.earliest, a.latest), (Some(ymd(2025, 2, 4)), Some(ymd(2025, 3, 3))));
        assert_eq!(a.status, Status::Bounded);
        assert_eq!(a.evidence.len(), 2);
        assert!(
            a.evidence[0].implies.starts_with("on or after 2025-02-04"),
            "{}",
            a.evidence[0].implies
        );
    }

    #[test]
    fn a_lower_bound_alone_gives_no_best_guess() {
        // "the early 1990s" or "March 1990" told in the past bounds the article from
        // below, but says nothing of its day: a guess of 1990-03-02 would be noise
        let text = "Prices were low in March 1990.";
        let d = Document::from_text("a", text);
        let res = vec![mention(text, "March 1990", "1990-03", TimexType::Date, Tense::Past)];
        let a = &infer(&[d], &[res], &Pins::default(), None)[0];
        assert_eq!((a.earliest, a.latest), (Some(ymd(1990, 3, 1)), None));
        assert_eq!(a.best, None);
    }

    #[test]
    fn yearless_only_is_under_determined_no_year() {
        let text = "Talks were held on February 4-5.";
        let d = Document::from_text("a", text);
        let res = vec![mention(
            text,
            "February 4-5",
            "XXXX-02-04/XXXX-02-05",
            TimexType::Date,
            Tense::Past,
        )];
        let a = &infer(&[d], &[res], &Pins::default(), None)[0];
        assert_eq!(a.status, Status::UnderDetermined);
        assert_eq!((a.earliest, a.latest), (None, None));
        assert!(
            a.reason.as_deref().is_some_and(|r| r.contains("no year is stated")),
            "{:?}",
            a.reason
        );
    }

    #[test]
    fn duration_from_an_event_dated_in_another_article() {
        let a_text =
            "In Kyiv, Putin ordered troops to invade Ukraine in February 2022, Russia said. Then Zelensky spoke.";
        let b_text = "In Kyiv, Zelensky urged Russia and Ukraine to end the nearly three-year-old war. Then Putin is scheduled to visit on February 20.";
        let a = Document::from_text("a", a_text);
        let b = Document::from_text("b", b_text);
        let ra = vec![mention(
            a_text,
            "February 2022",
            "2022-02",
            TimexType::Date,
            Tense::Past,
        )];
        let rb = vec![
            mention(
                b_text,
                "nearly three-year-old",
                "P3Y",
                TimexType::Duration,
                Tense::Present,
            ),
            mention(b_text, "February 20", "XXXX-02-20", TimexType::Date, Tense::Future),
        ];
        let out = infer(&[a, b], &[ra, rb], &Pins::default(), None);
        let b = &out[1];
        assert_eq!(b.earliest, Some(ymd(2024, 8, 1)));
        assert_eq!(b.latest, Some(ymd(2025, 2, 20)));
        assert!(
            b.evidence
                .iter()
                .any(|e| e.implies.contains("dated \"February 2022\" in a")),
            "{:?}",
            b.evidence
        );
    }

    #[test]
    fn copyright_after_the_body_is_a_conflict_not_a_bound() {
        let text = "Troops invaded Ukraine in February 2022. Putin spoke.\n\nIt's been almost a year since Russia's full-scale invasion of Ukraine, Putin said.\n\n© 2024 Latin Times. All rights reserved.";
        let d = Document::from_text("a", text);
        let res = vec![
            mention(text, "February 2022", "2022-02", TimexType::Date, Tense::Past),
            mention(text, "almost a year", "P1Y", TimexType::Duration, Tense::Present),
        ];
        let a = &infer(&[d], &[res], &Pins::default(), None)[0];
        assert_eq!(a.latest, Some(ymd(2023, 2, 28)));
        assert_eq!(a.conflicts.len(), 1);
        assert_eq!(a.conflicts[0].kind, "copyright_vs_body");
        assert!(
            a.conflicts[0].explanation.starts_with("The footer says © 2024"),
            "{}",
            a.conflicts[0].explanation
        );
    }

    #[test]
    fn contradicting_statements_make_a_conflicting_status() {
        let text = "It happened on March 3, 2020. The vote will be held on January 5, 2019.";
        let d = Document::from_text("a", text);
        let res = vec![
            mention(text, "March 3, 2020", "2020-03-03", TimexType::Date, Tense::Past),
            mention(text, "January 5, 2019", "2019-01-05", TimexType::Date, Tense::Future),
        ];
        let a = &infer(&[d], &[res], &Pins::default(), None)[0];
        assert_eq!(a.status, Status::Conflicting);
        assert!(
            a.reason.as_deref().is_some_and(|r| r.contains("January 5, 2019")),
            "{:?}",
            a.reason
        );
    }

    #[test]
    fn pin_wins_and_contradiction_is_reported() {
        let text = "It happened on March 3, 2020.";
        let d = Document::from_text("a", text);
        let res = vec![mention(
            text,
            "March 3, 2020",
            "2020-03-03",
            TimexType::Date,
            Tense::Past,
        )];
        let mut pins = Pins::default();
        pins.by_doc.insert(
            "a".into(),
            super::super::Pin {
                published: Some(ymd(2019, 1, 1)),
                retrieved: None,
                line: 2,
            },
        );
        let a = &infer(&[d], &[res], &pins, None)[0];
        assert_eq!(a.status, Status::Pinned);
        assert_eq!(a.best, Some(ymd(2019, 1, 1)));
        assert_eq!(a.conflicts.len(), 1);
        assert_eq!(a.conflicts[0].kind, "pin_contradicted");
    }

    #[test]
    fn page_stamp_needs_retrieval() {
        let text = "Published 1 day ago\nRussia launched drones in May.";
        let d = Document::from_text("a", text);
        let a = &infer(std::slice::from_ref(&d), &[vec![]], &Pins::default(), None)[0];
        assert_eq!(a.status, Status::UnderDetermined);
        assert!(
            a.reason
                .as_deref()
                .is_some_and(|r| r.contains("needs the retrieval date")),
            "{:?}",
            a.reason
        );
        let a = &infer(&[d], &[vec![]], &Pins::default(), Some(ymd(2025, 6, 2)))[0];
        assert_eq!(a.latest, Some(ymd(2025, 6, 2)));
        assert!(a.earliest.is_some_and(|e| e <= ymd(2025, 6, 1)));
    }

    #[test]
    fn yearless_day_takes_the_year_another_article_gives_the_same_event() {
        let a_text = "The drilling rig explosion on April 20, 2010 killed eleven workers.";
        let b_text = "Since the rig explosion on April 20 killed eleven workers, oil has leaked.";
        let c_text = "The parade on April 20 was cancelled.";
        let ra = vec![mention(
            a_text,
            "April 20, 2010",
            "2010-04-20",
            TimexType::Date,
            Tense::Past,
        )];
        let rb = vec![mention(b_text, "April 20", "XXXX-04-20", TimexType::Date, Tense::Past)];
        let rc = vec![mention(c_text, "April 20", "XXXX-04-20", TimexType::Date, Tense::Past)];
        let docs = [
            Document::from_text("a", a_text),
            Document::from_text("b", b_text),
            Document::from_text("c", c_text),
        ];
        let out = infer(&docs, &[ra, rb, rc], &Pins::default(), None);
        assert_eq!(out[1].earliest, Some(ymd(2010, 4, 20)));
        // famous days are told without a year long after: no upper bound
        assert_eq!(out[1].latest, None);
        assert!(out[1]
            .evidence
            .iter()
            .any(|e| e.implies.contains("in a dates the same event")));
        // no shared content words: no link, no year
        assert_eq!((out[2].earliest, out[2].latest), (None, None));
    }

    #[test]
    fn a_yearless_window_does_not_contradict_a_pin() {
        // TimeBank's wsj_0709: pinned 1989-10-27, "Oct. 31" read as past; a
        // misread tense of a year-less day must not raise a conflict
        let text = "The company said results were reported Oct. 31.";
        let d = Document::from_text("a", text);
        let res = vec![mention(text, "Oct. 31", "XXXX-10-31", TimexType::Date, Tense::Past)];
        let mut pins = Pins::default();
        pins.by_doc.insert(
            "a".into(),
            super::super::Pin {
                published: Some(ymd(1989, 10, 27)),
                retrieved: None,
                line: 1,
            },
        );
        let a = &infer(&[d], &[res], &pins, None)[0];
        assert_eq!(a.status, Status::Pinned);
        assert!(a.conflicts.is_empty(), "{:?}", a.conflicts);
    }

    #[test]
    fn a_relative_weekday_takes_the_day_another_article_gives_its_event() {
        // 2010-06-03 was a Thursday
        let a_text = "On June 3, 2010 engineers cut the damaged riser pipe above the leaking well.";
        let b_text = "Engineers cut the damaged riser pipe on Thursday, officials said.";
        let ra = vec![mention(
            a_text,
            "June 3, 2010",
            "2010-06-03",
            TimexType::Date,
            Tense::Past,
        )];
        let rb = vec![mention(b_text, "Thursday", "XXXX-WXX-4", TimexType::Date, Tense::Past)];
        let docs = [Document::from_text("a", a_text), Document::from_text("b", b_text)];
        let out = infer(&docs, &[ra, rb], &Pins::default(), None);
        let b = &out[1];
        // a guess for best, never a bound
        assert_eq!((b.earliest, b.latest), (None, None));
        assert_eq!(b.best, Some(ymd(2010, 6, 3)));
        assert!(
            b.evidence.iter().any(|e| e.implies.starts_with("a guess, not a bound")),
            "{:?}",
            b.evidence
        );
    }
}
