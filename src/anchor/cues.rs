//! What the inference of publication dates reads off the text around a
//! mention: word lists (`grammar/anchor_events.txt`, `grammar/stopwords.txt`),
//! a sentence's topic words and names, durations, deadlines, and which
//! mentions lie in the article's body.
//!
//! Both [`super::infer`] and [`super::neighbours`] read with these.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use crate::grammar::lexicon::LexiconError;
use crate::ingest::Document;
use crate::page::furniture::PageFurniture;
use crate::resolve::Resolved;
use crate::timex::{Timex, TimexMod};

/// An event group of `grammar/anchor_events.txt`.
#[derive(Debug, Default)]
pub(super) struct EventLexicon {
    /// word → groups it names as an ongoing event
    pub(super) event: BTreeMap<String, Vec<String>>,
    /// word → groups whose start it marks
    pub(super) start: BTreeMap<String, Vec<String>>,
}

pub(super) const EVENTS: &str = include_str!("../../grammar/anchor_events.txt");

pub(super) const STOPWORDS: &str = include_str!("../../grammar/stopwords.txt");

/// Is a bare year told as the time of something ("in 2009, BP …", "since
/// 2022.")? Only then may its clause's tense bound the publication: a year
/// before a noun ("1990 earnings", "fiscal 1990") or after "for", "by",
/// "both" is most often a forecast or an accounting period (TimeBank's
/// "would dilute earnings in both 1990 and 1991").
pub(super) fn bare_year_told_as_time(text: &str, start: usize, end: usize) -> bool {
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

/// The words of `grammar/year_ahead.txt`: right before a bare year, and in
/// its clause before it.
#[derive(Debug, Default)]
pub(super) struct YearAhead {
    before: BTreeSet<String>,
    clause: BTreeSet<String>,
}

const YEAR_AHEAD: &str = include_str!("../../grammar/year_ahead.txt");
const YEAR_AHEAD_FILE: &str = "grammar/year_ahead.txt";

/// How many words before a bare year its clause is read for a word of
/// `clause` (eight: "will be handed over in 2016", "the next World Cup in
/// 2007", without reaching into the clause before).
pub(super) const AHEAD_REACH: usize = 8;

pub(super) fn parse_year_ahead(text: &str) -> Result<YearAhead, LexiconError> {
    let mut out = YearAhead::default();
    for (n, t) in crate::grammar::data_lines(text) {
        let mut w = t.split_whitespace();
        let set = match (w.next(), w.next(), w.next()) {
            (Some("before"), Some(word), None) => (&mut out.before, word),
            (Some("clause"), Some(word), None) => (&mut out.clause, word),
            _ => {
                return Err(LexiconError::at(
                    YEAR_AHEAD_FILE,
                    n,
                    "expected `before WORD` or `clause WORD`",
                ))
            }
        };
        set.0.insert(set.1.to_lowercase());
    }
    Ok(out)
}

fn year_ahead_words() -> Result<&'static YearAhead, &'static LexiconError> {
    static L: OnceLock<Result<YearAhead, LexiconError>> = OnceLock::new();
    L.get_or_init(|| parse_year_ahead(YEAR_AHEAD)).as_ref()
}

/// Is the bare year at `start` told as still ahead ("until 2015", "by
/// 2020", "will be handed over in 2016")? A word of `grammar/year_ahead.txt`
/// right before it, or in its clause within [`AHEAD_REACH`] words before it.
pub(super) fn year_told_ahead(text: &str, start: usize) -> bool {
    let Ok(l) = year_ahead_words() else {
        return false;
    };
    year_told_ahead_in(l, text, start)
}

pub(super) fn year_told_ahead_in(l: &YearAhead, text: &str, start: usize) -> bool {
    let lo = crate::text::floor_boundary(text, start.saturating_sub(120));
    let before = text.get(lo..start.min(text.len())).unwrap_or("");
    let clause = before
        .rfind(['.', ';', '!', '?', '\n'])
        .map_or(before, |k| &before[k + 1..]);
    let words = lower_words(clause);
    let mut back = words.iter().rev();
    if back.next().is_some_and(|w| l.before.contains(w)) {
        return true;
    }
    words
        .iter()
        .rev()
        .take(AHEAD_REACH)
        .any(|w| l.clause.contains(w) || w.strip_suffix("'ll").is_some_and(|_| l.clause.contains("'ll")))
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

/// What a sentence is about, without its date: its words of four letters
/// or more that are not stop words (`grammar/stopwords.txt`), numbers,
/// months or weekdays. Unlike the order stage's
/// `order::events::phrase_words` (three letters, possessives cut,
/// lexicon groups added), it is matched across articles to tell whether two
/// mention one event, and its calendar words would match any two dates.
pub(super) fn topic_words(s: &str) -> BTreeSet<String> {
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

/// The file named in errors.
const EVENTS_FILE: &str = "grammar/anchor_events.txt";

pub(super) fn parse_events(text: &str) -> Result<EventLexicon, LexiconError> {
    let mut lex = EventLexicon::default();
    for (n, t) in crate::grammar::data_lines(text) {
        let mut w = t.split_whitespace();
        let (Some(kind), Some(group)) = (w.next(), w.next()) else {
            return Err(LexiconError::at(EVENTS_FILE, n, "expected `event|start GROUP WORD...`"));
        };
        let map = match kind {
            "event" => &mut lex.event,
            "start" => &mut lex.start,
            other => {
                return Err(LexiconError::at(
                    EVENTS_FILE,
                    n,
                    format!("unknown line kind {other:?} (expected event or start)"),
                ))
            }
        };
        for word in w {
            map.entry(word.to_lowercase()).or_default().push(group.to_string());
        }
    }
    Ok(lex)
}

fn loaded_events() -> Result<&'static EventLexicon, &'static LexiconError> {
    static LEX: OnceLock<Result<EventLexicon, LexiconError>> = OnceLock::new();
    LEX.get_or_init(|| parse_events(EVENTS)).as_ref()
}

pub(super) fn events() -> Option<&'static EventLexicon> {
    loaded_events().ok()
}

/// Load the embedded event lexicon (once) and check it: an error names
/// `grammar/anchor_events.txt` and the line. A program calls this at start
/// (through `pipeline::Pipeline::new`); with a broken file, no event cue is read.
pub fn check_event_lexicon() -> Result<(), LexiconError> {
    loaded_events().map(|_| ()).map_err(Clone::clone)?;
    super::offices::check_offices()?;
    year_ahead_words().map(|_| ()).map_err(Clone::clone)?;
    super::model::Table::default_loaded().map(|_| ()).map_err(Clone::clone)
}

pub(super) fn lower_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase())
        .collect()
}

pub(super) const MONTHS: [&str; 12] = [
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
pub(super) fn proper_nouns(s: &str) -> BTreeSet<String> {
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

/// A day word's offset from the publication day ("yesterday" → -1), from
/// the grammar's `relative_days.txt`.
pub(super) fn relative_day(surface: &str) -> Option<i32> {
    let l = crate::grammar::lexicons().ok()?;
    let t = surface.trim().to_lowercase();
    l.relative_days
        .longest(&t)
        .filter(|(n, _)| *n == t.len())
        .map(|(_, (off, _))| *off)
}

/// Amount and mean unit length in days of a simple duration of the
/// calendar (`P3Y`, `P6M`, `P2W`, `P10D`; at most 500 units).
pub(super) fn duration_days(t: &Timex) -> Option<(f64, f64)> {
    let (n, unit) = t.amount()?;
    if unit.is_clock() || !n.is_finite() || n <= 0.0 || n > 500.0 {
        return None;
    }
    Some((n, unit.days()?.mean))
}

/// Elapsed-time bounds (in units) that a duration's wording allows.
pub(super) fn elapsed_bounds(n: f64, m: Option<TimexMod>) -> (f64, f64) {
    match m {
        Some(TimexMod::LessThan) => crate::time::nearly(n),
        Some(TimexMod::EqualOrLess) => (0.0, n),
        Some(TimexMod::Approx) => (n - (0.25 * n).max(0.5), n + (0.25 * n).max(0.5)),
        Some(TimexMod::MoreThan) | Some(TimexMod::EqualOrMore) => (n, n + 1.0 + 0.5 * n),
        _ => (n - (0.25 * n).min(0.5), n + 1.0),
    }
}

/// Mentions of one document that lie in its body, outside furniture.
pub(super) fn body_mentions<'a>(doc: &Document, res: &'a [Resolved], furn: &PageFurniture) -> Vec<&'a Resolved> {
    res.iter()
        .filter(|r| r.start >= doc.body.start && r.end <= doc.body.end && !furn.covers(&(r.start..r.end)))
        .collect()
}

/// How a duration mention measures time up to publication, if it does:
/// "N-year-old EVENT", "N years of EVENT", "N years since EVENT", "N years into EVENT".
pub(super) fn duration_event(text: &str, r: &Resolved) -> Option<String> {
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

pub(super) fn quote(s: &str) -> String {
    let s: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() > 90 {
        let cut: String = s.chars().take(87).collect();
        format!("\"{cut}...\"")
    } else {
        format!("\"{s}\"")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pretty_assertions::assert_eq;

    #[test]
    fn event_lexicon_loads() {
        assert_eq!(check_event_lexicon(), Ok(()));
    }

    #[test]
    fn a_broken_copy_of_the_event_lexicon_names_its_line() {
        // the real file with a line of one word after its last entry
        let broken = format!("{}\nevent\n", EVENTS.trim_end());
        let line = EVENTS.trim_end().lines().count() + 1;
        let e = parse_events(&broken).expect_err("broken");
        assert_eq!(
            e.to_string(),
            format!("grammar/anchor_events.txt:{line}: expected `event|start GROUP WORD...`")
        );
    }

    #[test]
    fn a_year_is_told_ahead_by_the_word_before_it_or_in_its_clause() {
        for (text, year) in [
            ("The bridge stays shut until 2015.", "2015"),
            ("Sales should double by 2020, he said.", "2020"),
            ("half of which will be handed over in 2016 and half in 2021", "2016"),
            ("it could yet help England as far as the next World Cup in 2007", "2007"),
            ("He said the company plans to list its shares in 2012.", "2012"),
        ] {
            let at = text.find(year).expect("year in text");
            assert!(year_told_ahead(text, at), "{text}");
        }
        for (text, year) in [
            ("The bridge was shut in 2015.", "2015"),
            // the clause before a full stop does not reach the year
            ("Sales will double. In 2009 they fell.", "2009"),
            // beyond the eight words before the year
            (
                "He will go, he said, to the meeting the board held in March of 2009.",
                "2009",
            ),
            ("The 2012 Olympics drew crowds.", "2012"),
        ] {
            let at = text.find(year).expect("year in text");
            assert!(!year_told_ahead(text, at), "{text}");
        }
    }

    #[test]
    fn a_broken_year_ahead_line_names_its_line() {
        let e = parse_year_ahead("# c\nbefore by\nnear until\n").expect_err("broken");
        assert_eq!(
            e.to_string(),
            "grammar/year_ahead.txt:3: expected `before WORD` or `clause WORD`"
        );
        assert!(parse_year_ahead(YEAR_AHEAD).is_ok());
    }
}
