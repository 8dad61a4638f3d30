//! Reports: one statement in one article, its time expression, its resolved
//! interval and its sentence. Placed reports come from the order stage's
//! tellings; a report whose date hangs on an open publication date is kept
//! relative to it (found by resolving the article against two probe days:
//! what moves with the anchor is relative to it).

use std::ops::Range;

use chrono::{Months, NaiveDate};

use super::lexicon::Lexicon;
use rayon::prelude::*;

use super::words::{intern, sentence_terms, Vocab};
use crate::anchor::Status;
use crate::order::events::{day, has_year, is_event, Telling};
use crate::order::DocInput;
use crate::resolve::{self, AnchorRef, Resolved};
use crate::tag::Mention;
use crate::text::Sentences;
use crate::timex::{TimexMod, TimexType};

/// Bytes from the start of the body within which a sentence is the article's lead.
const LEAD_BYTES: usize = 600;

/// One report.
#[derive(Debug, Clone)]
pub struct Rep {
    /// Index of the document.
    pub doc: usize,
    /// Byte span of the expression.
    pub span: [usize; 2],
    /// The expression as written.
    pub expression: String,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 mod.
    pub modifier: Option<TimexMod>,
    /// The days it allows, when placed.
    pub hull: Option<(NaiveDate, NaiveDate)>,
    /// Its one day, when placed at day level.
    pub day: Option<NaiveDate>,
    /// Days from its article's publication, when unplaced.
    pub offset: Option<(i64, i64)>,
    /// Byte range of its sentence.
    pub sentence: Range<usize>,
    /// In the article's first sentences.
    pub lead: bool,
    /// The date is written out (a digit in it), not "Tuesday".
    pub explicit: bool,
    /// The year is written.
    pub year: bool,
    /// Content words of the sentence outside the expression (vocabulary ids, sorted).
    pub words: Vec<u32>,
    /// Names among them.
    pub names: Vec<u32>,
    /// Kinds of happening its words name (sorted).
    pub kinds: Vec<usize>,
    /// The order stage's event it joined (placed reports).
    pub prior: Option<usize>,
    /// A dateline ([`dateline`]): evidence of the day the article was
    /// published, which salience counts, never an event.
    pub dateline: bool,
}

/// Whether an anchor leaves the reports relative to it unplaced: a side open, or conflicting.
pub fn open(d: &DocInput<'_>) -> bool {
    d.anchor.earliest.is_none() || d.anchor.latest.is_none() || d.anchor.status == Status::Conflicting
}

/// A report read from its article, its words not yet given vocabulary ids:
/// drafts are made in parallel, then [`finish`]ed in order.
#[derive(Debug, Clone)]
pub struct Draft {
    rep: Rep,
    terms: Vec<(String, bool)>,
}

/// The drafts as reports, in order, their words interned in that order (the
/// vocabulary's ids come out as if read one by one).
pub fn finish(drafts: Vec<Draft>, lex: &Lexicon, vocab: &mut Vocab) -> Vec<Rep> {
    drafts
        .into_iter()
        .map(|Draft { mut rep, terms }| {
            let (words, names) = intern(&terms, vocab);
            let mut kinds: Vec<usize> = words
                .iter()
                .filter_map(|&w| lex.kind.get(vocab.word(w)).copied())
                .collect();
            kinds.sort_unstable();
            kinds.dedup();
            rep.words = words;
            rep.names = names;
            rep.kinds = kinds;
            rep
        })
        .collect()
}

/// The placed reports of the tellings, sentences that are no event left out.
pub fn placed(inputs: &[DocInput<'_>], tellings: &[Telling], event_of: &[usize], lex: &Lexicon) -> Vec<Draft> {
    tellings
        .par_iter()
        .enumerate()
        .filter_map(|(i, t)| {
            let d = &inputs[t.doc];
            let text = &d.doc.text;
            if open(d) && t.ambiguous {
                return None; // kept as unplaced, relative to the anchor
            }
            if text.get(t.sentence.clone()).is_none_or(|s| lex.not_event(s)) {
                return None;
            }
            let single = t.first.0 == t.first.1 && t.last == t.first && !t.ambiguous;
            let mut r = rep(
                d,
                t.doc,
                t.span,
                &t.expression,
                (&t.value, t.kind, t.modifier),
                Place {
                    hull: Some((t.first.0, t.last.1)),
                    day: single.then_some(t.first.0),
                    offset: None,
                },
                t.sentence.clone(),
                event_of.get(i).copied(),
                lex,
            );
            r.rep.dateline = dateline(text, t.span);
            Some(r)
        })
        .collect()
}

/// Where a report is.
struct Place {
    hull: Option<(NaiveDate, NaiveDate)>,
    day: Option<NaiveDate>,
    offset: Option<(i64, i64)>,
}

#[allow(clippy::too_many_arguments)]
fn rep(
    d: &DocInput<'_>,
    doc: usize,
    span: [usize; 2],
    expression: &str,
    (value, kind, modifier): (&str, TimexType, Option<TimexMod>),
    place: Place,
    sentence: Range<usize>,
    prior: Option<usize>,
    lex: &Lexicon,
) -> Draft {
    let terms = sentence_terms(&d.doc.text, sentence.clone(), span[0]..span[1], lex);
    let rep = Rep {
        doc,
        span,
        expression: expression.to_string(),
        value: value.to_string(),
        kind,
        modifier,
        hull: place.hull,
        day: place.day,
        offset: place.offset,
        lead: sentence.start < d.doc.body.start + LEAD_BYTES,
        explicit: expression.chars().any(|c| c.is_ascii_digit()),
        year: has_year(expression),
        sentence,
        words: Vec::new(),
        names: Vec::new(),
        kinds: Vec::new(),
        prior,
        dateline: false,
    };
    Draft { rep, terms }
}

/// The reports of an article whose publication date is open: every
/// day-level date of its body outside furniture that moves with the anchor,
/// kept as days from publication (resolved against two probe days four
/// years apart; what moves is relative).
pub fn unplaced(input: &DocInput<'_>, doc: usize, mentions: &[Mention], lex: &Lexicon) -> Vec<Draft> {
    if !open(input) {
        return Vec::new();
    }
    let probe = input
        .anchor
        .best
        .or(input.anchor.earliest)
        .or(input.anchor.latest)
        .or_else(|| NaiveDate::from_ymd_opt(2000, 1, 1));
    let Some(p) = probe else { return Vec::new() };
    let Some(q) = p.checked_add_months(Months::new(48)) else {
        return Vec::new();
    };
    let text = &input.doc.text;
    let at_p = resolve::resolve_all(text, mentions, Some(&AnchorRef::Day(p)));
    let at_q = resolve::resolve_all(text, mentions, Some(&AnchorRef::Day(q)));
    let sentences = Sentences::new(text);
    let mut out = Vec::new();
    for (a, b) in at_p.iter().zip(&at_q) {
        if !usable(input, a) {
            continue;
        }
        let (Some(f), Some(t)) = (a.timex.from, a.timex.to) else {
            continue;
        };
        if (b.timex.from, b.timex.to) == (Some(f), Some(t)) {
            continue; // absolute: placed by the tellings, if an event at all
        }
        let sentence = sentences.at(a.start..a.end);
        if text.get(sentence.clone()).is_none_or(|s| lex.not_event(s)) || dateline(text, [a.start, a.end]) {
            continue;
        }
        let offset = (day(f) - day(p), day(t) - day(p));
        out.push(rep(
            input,
            doc,
            [a.start, a.end],
            &a.text,
            (&a.timex.value, a.timex.kind, a.timex.modifier),
            Place {
                hull: None,
                day: None,
                offset: Some(offset),
            },
            sentence,
            None,
            lex,
        ));
    }
    out
}

/// A date that heads a story as its dateline, in pages flattened to one line
/// ("Thu Jun 11, 2009 3:31 pm BST STOCKHOLM - …", "WASHINGTON | Thu Jun 11, 2009 …"):
/// evidence of the publication date, not an event. Read around the expression:
/// a clock time and time zone may follow, then a place in capitals and a dash
/// or bar; or a place in capitals and a bar come right before it.
pub fn dateline(text: &str, span: [usize; 2]) -> bool {
    let caps = |w: &str| {
        w.len() >= 2
            && w.chars().all(|c| c.is_uppercase() || c == '.' || c == ',')
            && w.chars().any(char::is_alphabetic)
    };
    let clock = |w: &str| {
        w.contains(':') && w.chars().all(|c| c.is_ascii_digit() || c == ':')
            || matches!(w.to_ascii_lowercase().as_str(), "am" | "pm" | "a.m." | "p.m.")
            || (w.len() <= 4 && w.chars().all(|c| c.is_ascii_uppercase()) && w.ends_with('T'))
    };
    let after = text
        .get(span[1]..(span[1] + 80).min(text.len()))
        .or_else(|| text.get(span[1]..));
    if let Some(a) = after {
        let mut ws = a.split_whitespace().peekable();
        while ws.peek().is_some_and(|w| clock(w)) {
            ws.next();
        }
        let mut places = 0;
        while ws.peek().is_some_and(|w| caps(w)) {
            ws.next();
            places += 1;
        }
        if ws.peek() == Some(&"-LRB-") {
            // a wire credit: "-LRB- Reuters -RRB- -"
            while ws.next().is_some_and(|w| w != "-RRB-") {}
        }
        if places > 0 && ws.next().is_some_and(|w| matches!(w, "-" | "--" | "|" | "—" | "–")) {
            return true;
        }
    }
    let from = crate::text::floor_boundary(text, span[0].saturating_sub(40));
    let before = text.get(from..span[0]).unwrap_or("");
    let mut ws = before.split_whitespace().rev();
    ws.next() == Some("|") && ws.next().is_some_and(caps)
}

/// A mention that dates an event: in the body, outside furniture, a date or time.
fn usable(input: &DocInput<'_>, r: &Resolved) -> bool {
    let body = &input.doc.body;
    r.start >= body.start
        && r.end <= body.end
        && r.start < r.end
        && is_event(r)
        && !input
            .furniture
            .iter()
            .any(|f| f.range.start < r.end && r.start < f.range.end)
}

/// "3 days before 002's publication", "on 002's publication day", "2 to 5 days after …".
pub fn relative(doc: &str, (from, to): (i64, i64)) -> String {
    let days = |n: i64| {
        if n == 1 {
            "1 day".to_string()
        } else {
            format!("{n} days")
        }
    };
    if from == 0 && to == 0 {
        return format!("on {doc}'s publication day");
    }
    if to < 0 {
        let (a, b) = (-to, -from);
        if a == b {
            return format!("{} before {doc}'s publication", days(a));
        }
        return format!("{a} to {} before {doc}'s publication", days(b));
    }
    if from > 0 {
        if from == to {
            return format!("{} after {doc}'s publication", days(from));
        }
        return format!("{from} to {} after {doc}'s publication", days(to));
    }
    format!("from {} before to {} after {doc}'s publication", days(-from), days(to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn datelines_are_told_apart_from_prose() {
        let t = "Thu Jun 11, 2009 3:31 pm BST STOCKHOLM - Sweden said on Thursday the WHO acted.";
        assert!(dateline(t, [0, 16]));
        let t = "By Maggie Fox WASHINGTON | Thu Jun 11, 2009 7:40pm EDT";
        let at = t.find("Thu").unwrap_or(0);
        assert!(dateline(t, [at, at + 16]));
        let t = "The WHO declared a pandemic on June 11, 2009 - the first in 41 years.";
        let at = t.find("June").unwrap_or(0);
        assert!(!dateline(t, [at, at + 13]));
    }

    #[test]
    fn offsets_read_as_words() {
        assert_eq!(relative("002", (-3, -3)), "3 days before 002's publication");
        assert_eq!(relative("002", (0, 0)), "on 002's publication day");
        assert_eq!(relative("a", (1, 1)), "1 day after a's publication");
        assert_eq!(relative("a", (-7, -1)), "1 to 7 days before a's publication");
        assert_eq!(
            relative("a", (-2, 3)),
            "from 2 days before to 3 days after a's publication"
        );
    }
}
