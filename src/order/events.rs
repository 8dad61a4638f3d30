//! Events: each dated expression of an article's body dates what happened in
//! the clause around it.
//!
//! "Recent peace discussions in Abu Dhabi, held on February 4-5, brought
//! together Ukrainian, American, and Russian officials." gives one event:
//! expression "February 4-5" (a range is one event whose expression is the
//! whole range), text "Recent peace discussions in Abu Dhabi brought together
//! Ukrainian, American, and Russian officials".
//!
//! ```text
//! event     := DATE | TIME mention with a calendar interval, in the body, outside furniture
//!              and outside headings, datelines and headline lists (see [`in_heading`])
//!              (durations, sets and PRESENT_REF/PAST_REF/FUTURE_REF are not events)
//! range     := mentions sharing a range id, or one value "A/B"  → start in A, end in B
//! text      := sentence − expression − its preposition, or − a parenthetical
//!              ", held on February 4-5," made only of trim words; cut to the clause
//!              (; : —) when long; at most MAX_WORDS words
//! ```

use std::collections::{BTreeSet, HashMap};
use std::ops::Range;
use std::sync::Arc;

use chrono::{NaiveDate, Weekday};

use super::lexicon::Lexicon;
use crate::ingest::Document;
use crate::page::furniture::Furniture;
use crate::resolve::{Resolved, Tense};
use crate::time::TimeValue;
use crate::timex::{TimexMod, TimexType};

/// Longest event phrase, in words.
const MAX_WORDS: usize = 24;
/// Longest line that can be a heading.
const MAX_HEADING_WORDS: usize = 30;

/// A short line that does not end like a sentence is a heading, a dateline
/// ("NAIROBI, August 21 (Xinhua) --") or an item of a list of headlines
/// ("• … Trial Set for January 2026—Could Face 130 Years"): it summarises,
/// places or links elsewhere, and its dates are not events of the article.
pub fn in_heading(text: &str, r: &Range<usize>) -> bool {
    heading_line(text, &line_of(text, r))
}

/// The line (or lines) around a byte range, without its line breaks.
fn line_of(text: &str, r: &Range<usize>) -> Range<usize> {
    let start = text.get(..r.start).and_then(|s| s.rfind('\n')).map_or(0, |i| i + 1);
    let end = text
        .get(r.end..)
        .and_then(|s| s.find('\n'))
        .map_or(text.len(), |i| r.end + i);
    start..end
}

/// Is this line a heading (see [`in_heading`])?
fn heading_line(text: &str, line: &Range<usize>) -> bool {
    let line = text.get(line.clone()).unwrap_or("").trim();
    line.split_whitespace().count() <= MAX_HEADING_WORDS && !line.ends_with(['.', '!', '?', '"', '”', '\'', '’', ':'])
}

/// [`in_heading`] for the mentions of one text in text order: the last
/// line's answer is kept, so a long line is read once, not once a mention.
struct Headings<'a> {
    text: &'a str,
    /// The last line asked about (no line break inside) and its answer.
    last: Option<(Range<usize>, bool)>,
}

impl<'a> Headings<'a> {
    fn new(text: &'a str) -> Headings<'a> {
        Headings { text, last: None }
    }

    fn at(&mut self, r: &Range<usize>) -> bool {
        if let Some((line, heading)) = &self.last {
            if line.start <= r.start && r.end <= line.end && self.text.get(r.clone()).is_some_and(|s| !s.contains('\n'))
            {
                return *heading;
            }
        }
        let line = line_of(self.text, r);
        let heading = heading_line(self.text, &line);
        if self.text.get(line.clone()).is_some_and(|s| !s.contains('\n')) {
            self.last = Some((line, heading));
        }
        heading
    }
}

/// One telling of an event by one article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Telling {
    /// Index of the document in the corpus.
    pub doc: usize,
    /// Byte span of the expression (a whole range for a range).
    pub span: [usize; 2],
    /// The expression as written.
    pub expression: String,
    /// TIMEX3 value (`A/B` for a range).
    pub value: String,
    /// TIMEX3 type.
    pub kind: TimexType,
    /// TIMEX3 mod.
    pub modifier: Option<TimexMod>,
    /// Where the event starts: first and last possible day.
    pub first: (NaiveDate, NaiveDate),
    /// Where the event ends: first and last possible day.
    pub last: (NaiveDate, NaiveDate),
    /// The value depends on an uncertain anchor (the intervals are hulls).
    pub ambiguous: bool,
    /// The tense of its clause.
    pub tense: Tense,
    /// A weekday stated with the date.
    pub weekday: Option<Weekday>,
    /// The event phrase.
    pub text: String,
    /// Content words of the phrase, with `group:NAME` for lexicon groups.
    pub words: BTreeSet<String>,
    /// Capitalised words of the sentence outside the expression (not its
    /// first word): who and where, for telling two events apart. Shared
    /// by the tellings of a sentence whose expressions hide none of them.
    pub names: Arc<BTreeSet<String>>,
    /// The sentence's first word (capitalised whatever it is), lowercase.
    pub opener: String,
    /// A preposition (a trim word) stands right before the expression ("held
    /// on May 16"), as in prose; captions and stamps ("… in London July 27,
    /// 2010", "May 24, 2010 6:19 pm EDT --") have none.
    pub prepositional: bool,
    /// Byte range of the sentence.
    pub sentence: Range<usize>,
    /// Indices of the mentions in the document's resolved list.
    pub mentions: Vec<usize>,
}

/// True for a resolved mention that dates an event.
pub fn is_event(r: &Resolved) -> bool {
    matches!(r.timex.kind, TimexType::Date | TimexType::Time)
        && r.timex.from.is_some()
        && r.timex.to.is_some()
        && !r.timex.value.ends_with("_REF")
        && !r.timex.value.starts_with('P')
}

/// Every event told by one document: body mentions outside furniture,
/// ranges joined, each with its phrase.
pub fn extract(
    doc_index: usize,
    doc: &Document,
    resolved: &[Resolved],
    furniture: &[Furniture],
    lex: &Lexicon,
) -> Vec<Telling> {
    let mut out: Vec<Telling> = Vec::new();
    let mut headings = Headings::new(&doc.text);
    let mut reader = Reader::new(&doc.text);
    let mut inside = |r: &Resolved| {
        r.start >= doc.body.start
            && r.end <= doc.body.end
            && r.start < r.end
            && r.end <= doc.text.len()
            && doc.text.is_char_boundary(r.start)
            && doc.text.is_char_boundary(r.end)
            && !furniture.iter().any(|f| f.range.start < r.end && r.start < f.range.end)
            && !headings.at(&(r.start..r.end))
    };
    let mut i = 0;
    while i < resolved.len() {
        let r = &resolved[i];
        if !inside(r) || !is_event(r) {
            i += 1;
            continue;
        }
        // A range: the following mentions that share its id.
        let mut j = i + 1;
        if r.range.is_some() {
            while j < resolved.len() && resolved[j].range == r.range && inside(&resolved[j]) && is_event(&resolved[j]) {
                j += 1;
            }
        }
        let parts = &resolved[i..j];
        if parts.len() == 1 || is_range(&doc.text, parts, lex) {
            out.extend(telling(doc_index, doc, parts, i, lex, &mut reader));
        } else {
            // Not a range after all ("Friday and Thursday"): each its own event.
            for (k, p) in parts.iter().enumerate() {
                out.extend(telling(
                    doc_index,
                    doc,
                    std::slice::from_ref(p),
                    i + k,
                    lex,
                    &mut reader,
                ));
            }
        }
        i = j;
    }
    out
}

/// Days of slack either side of the part of a period a part word names
/// ("late January": January 20 to 31, not 21 to 31): the thirds are not
/// exact. eval/conflicts-heldout same_event 02 ("resigned in late
/// January" against "on January 9").
pub(crate) const PART_SLACK_DAYS: i64 = 1;

/// The part of a period its mod names (`START`, `MID`, `END`: "early
/// March", "mid-2009", "late January"), by the one model of
/// [`crate::time::part`], with [`PART_SLACK_DAYS`] either side; the
/// period itself for any other mod or one shorter than a week.
fn narrowed(whole: (NaiveDate, NaiveDate), modifier: Option<TimexMod>) -> (NaiveDate, NaiveDate) {
    let Some((lo, hi)) = modifier.and_then(crate::time::part) else {
        return whole;
    };
    let (from, to) = (day(whole.0), day(whole.1));
    let n = to - from + 1;
    if n < 7 {
        return whole;
    }
    let a = from + (lo * n as f64).floor() as i64 - PART_SLACK_DAYS;
    let b = from + (hi * n as f64).ceil() as i64 - 1 + PART_SLACK_DAYS;
    match (date(a.max(from)), date(b.min(to))) {
        (Some(x), Some(y)) if x <= y => (x, y),
        _ => whole,
    }
}

/// A range whose end falls before its start, with a year written on one end
/// at most ("Friday until Sunday", "July through December", "May 15 to
/// August 16, 1988"), had its ends resolved one by one: the end without a
/// year moves a week, else a year, toward the other (the end forward, or the
/// start back when only the end writes its year). A range with both years
/// written is left as it is, and reported if inverted.
fn repair_range(
    expression: &str,
    first: (NaiveDate, NaiveDate),
    last: (NaiveDate, NaiveDate),
    lex: &Lexicon,
) -> ((NaiveDate, NaiveDate), (NaiveDate, NaiveDate)) {
    if last.1 >= first.0 {
        return (first, last);
    }
    let (head, tail) = split_range(expression, lex);
    let (head_year, tail_year) = (has_year(head), has_year(tail));
    let week = chrono::Days::new(7);
    let year = chrono::Months::new(12);
    if !tail_year {
        let fwd: [fn(NaiveDate) -> Option<NaiveDate>; 2] = [
            |d| d.checked_add_days(chrono::Days::new(7)),
            |d| d.checked_add_months(chrono::Months::new(12)),
        ];
        for shift in fwd {
            if let (Some(x), Some(y)) = (shift(last.0), shift(last.1)) {
                if y >= first.0 {
                    return (first, (x, y));
                }
            }
        }
    } else if !head_year {
        for (x, y) in [
            (first.0.checked_sub_days(week), first.1.checked_sub_days(week)),
            (first.0.checked_sub_months(year), first.1.checked_sub_months(year)),
        ] {
            if let (Some(x), Some(y)) = (x, y) {
                if last.1 >= x {
                    return ((x, y), last);
                }
            }
        }
    }
    (first, last)
}

/// The two ends of a range's text, split at its first range word or dash
/// (the whole text and nothing when there is none).
fn split_range<'a>(expression: &'a str, lex: &Lexicon) -> (&'a str, &'a str) {
    for (r, w) in words(expression, 0..expression.len()) {
        if lex.range.contains(&w) && r.start > 0 {
            return (&expression[..r.start], &expression[r.end..]);
        }
    }
    match expression
        .char_indices()
        .skip(1)
        .find(|(_, c)| matches!(c, '-' | '–' | '—'))
    {
        Some((i, c)) => (&expression[..i], &expression[i + c.len_utf8()..]),
        None => (expression, ""),
    }
}

/// Does a text write a year (four digits in a row)?
pub fn has_year(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        if c.is_ascii_digit() {
            run += 1;
            if run == 4 {
                return true;
            }
        } else {
            run = 0;
        }
    }
    false
}

/// Two ends of the same granularity joined by a range word or a dash.
fn is_range(text: &str, parts: &[Resolved], lex: &Lexicon) -> bool {
    let (Some(a), Some(b)) = (parts.first(), parts.last()) else {
        return false;
    };
    let joint = text.get(a.end..b.start).unwrap_or("").trim().to_lowercase();
    parts.len() == 2 && same_grain(&a.timex.value, &b.timex.value) && (joint.is_empty() || lex.range.contains(&joint))
}

/// The same kind of value: as many fields, week or not.
fn same_grain(a: &str, b: &str) -> bool {
    a.split('-').count() == b.split('-').count()
        && a.contains('W') == b.contains('W')
        && a.contains('T') == b.contains('T')
}

fn telling(
    doc_index: usize,
    doc: &Document,
    parts: &[Resolved],
    first_index: usize,
    lex: &Lexicon,
    reader: &mut Reader<'_>,
) -> Option<Telling> {
    let a = parts.first()?;
    let b = parts.last()?;
    let (start, end) = (a.start, b.end.max(a.end));
    let interval = |r: &Resolved| Some((r.timex.from?, r.timex.to?));
    let (first, last, value) = if parts.len() > 1 {
        (
            interval(a)?,
            interval(b)?,
            format!("{}/{}", a.timex.value, b.timex.value),
        )
    } else {
        let whole = interval(a)?;
        // One mention whose value is a range "A/B": start in A, end in B.
        let halves = match a.timex.reading() {
            Some(TimeValue::Interval(x, y)) => x.day_span().zip(y.day_span()),
            _ => None,
        };
        match halves {
            Some((x, y)) if !a.timex.ambiguous && x.gran == y.gran => {
                ((x.from, x.to), (y.from, y.to), a.timex.value.clone())
            }
            _ => {
                let part = narrowed(whole, a.timex.modifier);
                (part, part, a.timex.value.clone())
            }
        }
    };
    let expression = doc.text.get(start..end)?;
    let (first, last) = repair_range(expression, first, last, lex);
    let sentence = reader.sentences.at(start..end);
    let text = phrase(reader, &sentence, start..end, lex);
    let words = phrase_words(&text, lex);
    let names = reader.names(&sentence, start..end, lex);
    Some(Telling {
        doc: doc_index,
        span: [start, end],
        expression: expression.to_string(),
        value,
        kind: a.timex.kind,
        modifier: a.timex.modifier,
        first,
        last,
        ambiguous: parts.iter().any(|p| p.timex.ambiguous),
        tense: a.tense,
        weekday: a.weekday,
        text,
        words,
        names,
        prepositional: last_word(&doc.text, sentence.start..start).is_some_and(|(r, w)| {
            lex.trim.contains(&w) && doc.text.get(r.end..start).is_some_and(|g| g.trim().is_empty())
        }),
        opener: first_word(&doc.text, sentence.clone())
            .map(|(_, w)| w)
            .unwrap_or_default(),
        sentence,
        mentions: (first_index..first_index + parts.len()).collect(),
    })
}

pub use crate::text::sentence;
use crate::text::Sentences;

/// Lowercase, with a fast path for ASCII (most words).
fn lower(w: &str) -> String {
    if w.is_ascii() {
        w.to_ascii_lowercase()
    } else {
        w.to_lowercase()
    }
}

/// A character of a word (see [`words`]).
fn word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'
}

/// The first of [`words`]`(text, within)`, read from the start of the
/// window up to the word only.
pub fn first_word(text: &str, within: Range<usize>) -> Option<(Range<usize>, String)> {
    let slice = text.get(within.clone())?;
    let (s, _) = slice.char_indices().find(|&(_, c)| word_char(c))?;
    let e = slice[s..].find(|c: char| !word_char(c)).map_or(slice.len(), |k| s + k);
    Some((within.start + s..within.start + e, lower(&slice[s..e])))
}

/// The last of [`words`]`(text, within)`, read backward from the end of
/// the window down to the word only.
pub fn last_word(text: &str, within: Range<usize>) -> Option<(Range<usize>, String)> {
    let slice = text.get(within.clone())?;
    let (i, c) = slice.char_indices().rev().find(|&(_, c)| word_char(c))?;
    let e = i + c.len_utf8();
    let s = slice[..i]
        .rfind(|c: char| !word_char(c))
        .map_or(0, |k| k + slice[k..].chars().next().map_or(1, char::len_utf8));
    Some((within.start + s..within.start + e, lower(&slice[s..e])))
}

/// Words of a text with their byte ranges (letters, digits, apostrophes).
pub fn words(text: &str, within: Range<usize>) -> Vec<(Range<usize>, String)> {
    word_slices(text, within).map(|(r, w)| (r, lower(w))).collect()
}

/// The words of [`words`] as written, not lowercased: for a reader that
/// looks at a few of a whole text's words, with no string made per word.
pub fn word_slices(text: &str, within: Range<usize>) -> impl Iterator<Item = (Range<usize>, &str)> {
    let slice = text.get(within.clone()).unwrap_or("");
    let base = within.start;
    let mut chars = slice.char_indices();
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let mut cur: Option<usize> = None;
        for (i, c) in chars.by_ref() {
            match (word_char(c), cur) {
                (true, None) => cur = Some(i),
                (false, Some(s)) => return Some((base + s..base + i, &slice[s..i])),
                _ => {}
            }
        }
        done = true;
        cur.map(|s| (base + s..base + slice.len(), &slice[s..]))
    })
}

/// What the readers of one document's sentences share, so that the work
/// for a mention is bounded by the words it uses, not by its sentence
/// (a page without sentence punctuation is one sentence): the sentence
/// stops, the clause marks, and the names of the last sentence read.
pub struct Reader<'a> {
    text: &'a str,
    /// The sentences of the text.
    sentences: Sentences<'a>,
    /// Byte positions of the clause marks `; : — –`, ascending.
    marks: Vec<usize>,
    /// The last sentence whose names were read, and its names.
    names: Option<(Range<usize>, SentenceNames)>,
}

/// The names of one sentence (see [`Reader::names`]).
struct SentenceNames {
    /// Every name once.
    all: Arc<BTreeSet<String>>,
    /// Each occurrence, in text order.
    at: Vec<(Range<usize>, String)>,
    /// Occurrences of each name.
    count: HashMap<String, usize>,
}

impl<'a> Reader<'a> {
    /// Read the sentence stops and clause marks of a text.
    pub fn new(text: &'a str) -> Reader<'a> {
        let marks = text
            .char_indices()
            .filter(|&(_, c)| matches!(c, ';' | ':' | '—' | '–'))
            .map(|(i, _)| i)
            .collect();
        Reader {
            text,
            sentences: Sentences::new(text),
            marks,
            names: None,
        }
    }

    /// The last clause mark in `within`, and the first.
    fn marks_in(&self, within: Range<usize>) -> (Option<usize>, Option<usize>) {
        let lo = self.marks.partition_point(|&p| p < within.start);
        let hi = self.marks.partition_point(|&p| p < within.end);
        let inside = self.marks.get(lo..hi).unwrap_or(&[]);
        (inside.last().copied(), inside.first().copied())
    }

    /// Capitalised words of a sentence outside `expr`, but for its first word
    /// and stop words. The sentence is read once for all its mentions.
    fn names(&mut self, sentence: &Range<usize>, expr: Range<usize>, lex: &Lexicon) -> Arc<BTreeSet<String>> {
        if self.names.as_ref().is_none_or(|(r, _)| r != sentence) {
            self.names = Some((sentence.clone(), sentence_names(self.text, sentence, lex)));
        }
        let Some((_, n)) = &self.names else {
            return Arc::default();
        };
        let from = n.at.partition_point(|(r, _)| r.end <= expr.start);
        let mut hidden: HashMap<&str, usize> = HashMap::new();
        for (r, w) in n.at.iter().skip(from).take_while(|(r, _)| r.start < expr.end) {
            if r.start < expr.end && expr.start < r.end {
                *hidden.entry(w.as_str()).or_default() += 1;
            }
        }
        let gone: Vec<&str> = hidden
            .into_iter()
            .filter(|(w, k)| n.count.get(*w) == Some(k))
            .map(|(w, _)| w)
            .collect();
        if gone.is_empty() {
            return Arc::clone(&n.all);
        }
        let mut out = BTreeSet::clone(&n.all);
        for w in gone {
            out.remove(w);
        }
        Arc::new(out)
    }
}

/// Every capitalised word of a sentence but its first word and stop words.
fn sentence_names(text: &str, sentence: &Range<usize>, lex: &Lexicon) -> SentenceNames {
    let mut all = BTreeSet::new();
    let mut n = SentenceNames {
        all: Arc::default(),
        at: Vec::new(),
        count: HashMap::new(),
    };
    for (r, w) in words(text, sentence.clone()).into_iter().skip(1) {
        let capital = text
            .get(r.clone())
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase);
        if capital && !lex.stop.contains(&w) && !lex.trim.contains(&w) && w.chars().count() > 1 {
            all.insert(w.clone());
            *n.count.entry(w.clone()).or_default() += 1;
            n.at.push((r, w));
        }
    }
    n.all = Arc::new(all);
    n
}

/// Are all the words between the comma before the end of `within` (or its
/// start) and its end trim or aside words? Where that comma is, if so.
/// Read backward, up to the first word that is not.
fn trim_back_to_comma(text: &str, within: Range<usize>, lex: &Lexicon) -> Option<usize> {
    let Some(slice) = text.get(within.clone()) else {
        return Some(within.start);
    };
    let trimlike = |w: &str| {
        let w = lower(w);
        lex.trim.contains(&w) || lex.aside.contains(&w)
    };
    let mut end: Option<usize> = None;
    for (i, c) in slice.char_indices().rev() {
        if word_char(c) {
            end.get_or_insert(i + c.len_utf8());
            continue;
        }
        if let Some(e) = end.take() {
            if !trimlike(&slice[i + c.len_utf8()..e]) {
                return None;
            }
        }
        if c == ',' {
            return Some(within.start + i);
        }
    }
    if end.is_some_and(|e| !trimlike(&slice[..e])) {
        return None;
    }
    Some(within.start)
}

/// [`trim_back_to_comma`] forward: up to the comma after the start of
/// `within`, or its end.
fn trim_on_to_comma(text: &str, within: Range<usize>, lex: &Lexicon) -> Option<usize> {
    let Some(slice) = text.get(within.clone()) else {
        return Some(within.end);
    };
    let trimlike = |w: &str| {
        let w = lower(w);
        lex.trim.contains(&w) || lex.aside.contains(&w)
    };
    let mut start: Option<usize> = None;
    for (i, c) in slice.char_indices() {
        if word_char(c) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            if !trimlike(&slice[s..i]) {
                return None;
            }
        }
        if c == ',' {
            return Some(within.start + i);
        }
    }
    if start.is_some_and(|s| !trimlike(&slice[s..])) {
        return None;
    }
    Some(within.end)
}

/// The event phrase: the sentence trimmed to what happened.
fn phrase(reader: &Reader<'_>, sentence: &Range<usize>, expr: Range<usize>, lex: &Lexicon) -> String {
    let text = reader.text;
    let sent = sentence.clone();
    // The comma-bounded segment around the expression, when it holds only
    // trim words (read from the expression out, up to the first other word).
    let segment = trim_back_to_comma(text, sent.start..expr.start, lex)
        .and_then(|s| Some((s, trim_on_to_comma(text, expr.end..sent.end, lex)?)));
    // What is cut: the parenthetical with one of its commas, or the
    // expression with the trim words just before it.
    let cut = match segment {
        Some((seg_start, seg_end)) if seg_start != sent.start || seg_end != sent.end => {
            // Both commas go: "Abu Dhabi, held on February 4-5, brought" → "Abu Dhabi brought".
            if seg_end < sent.end {
                seg_start..(seg_end + 1).min(sent.end)
            } else {
                seg_start..seg_end
            }
        }
        _ => {
            let mut from = expr.start;
            while let Some((r, w)) = last_word(text, sent.start..from) {
                // Only words directly before, separated by spaces.
                let gap = text.get(r.end..from).unwrap_or("");
                if lex.trim.contains(&w) && gap.chars().all(char::is_whitespace) {
                    from = r.start;
                } else {
                    break;
                }
            }
            from..expr.end
        }
    };
    // What is kept: `head` + " " + `tail`.
    let head = text.get(sent.start..cut.start).unwrap_or("");
    let tail = text.get(cut.end..sent.end).unwrap_or("");
    let kept_words = || head.split_whitespace().chain(tail.split_whitespace());
    // Long: the clause (between ; : —) that held the expression.
    let (mut lo, mut hi) = (0, tail.len());
    let mut clause_cut = false;
    if kept_words().nth(MAX_WORDS).is_some() {
        let (before, _) = reader.marks_in(sent.start..cut.start);
        let (_, after) = reader.marks_in(cut.end..sent.end);
        let l = before.map_or(0, |p| {
            p - sent.start + text[p..].chars().next().map_or(1, char::len_utf8)
        });
        let h = after.map_or(tail.len(), |p| p - cut.end);
        let c = || head[l..].split_whitespace().chain(tail[..h].split_whitespace());
        if c().nth(2).is_some() {
            (lo, hi) = (l, h);
            clause_cut = l > 0;
        }
    }
    tidy(&head[lo..], &tail[..hi], lex, clause_cut)
}

/// Collapse white space, cut punctuation from both edges and trim words from
/// the end (and from the start of a clause cut out of a longer sentence: a
/// sentence's own first word stays, "In my view, Trump is …"), and cap the
/// length. The text is `head` + " " + `tail`, read only as far as the words
/// kept, and from the end for the trim words there.
fn tidy(head: &str, tail: &str, lex: &Lexicon, clause_cut: bool) -> String {
    let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    let edge_junk = |w: &str| {
        let b = bare(w);
        b.is_empty() || lex.trim.contains(&b)
    };
    let mut all = head.split_whitespace().chain(tail.split_whitespace());
    let mut ws: Vec<&str> = Vec::new();
    for w in all.by_ref() {
        let b = bare(w);
        if !(b.is_empty() || (clause_cut && lex.trim.contains(&b))) {
            ws.push(w);
            break;
        }
    }
    if !ws.is_empty() {
        ws.extend(all.by_ref().take(MAX_WORDS));
    }
    // Beyond the first MAX_WORDS + 1 words: is any not trimmed from the end?
    let mut long = false;
    if ws.len() > MAX_WORDS {
        long = all.rev().any(|w| !edge_junk(w));
    }
    if !long {
        while ws.last().is_some_and(|w| edge_junk(w)) {
            ws.pop();
        }
        long = ws.len() > MAX_WORDS;
    }
    ws.truncate(MAX_WORDS);
    let mut out = ws.join(" ").replace(" ,", ",").replace(" .", ".");
    while out.ends_with([',', ';', ':', '.', '—', '–', '-', '(']) {
        out.pop();
    }
    while out.starts_with([',', ';', ':', '—', '–', '-', ')']) {
        out.remove(0);
        out = out.trim_start().to_string();
    }
    if long {
        out.push('…');
    }
    out
}

/// The words two tellings of one event share: the phrase's words of three
/// letters or more (possessive `'s` cut) that are not stop or trim words of
/// the order lexicon, each with `group:NAME` for its lexicon groups ("talks"
/// and "negotiations" meet in one). Not the anchor stage's topic words,
/// which are longer, keep no groups and drop calendar words.
pub fn phrase_words(s: &str, lex: &Lexicon) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (_, w) in words(s, 0..s.len()) {
        let w = w.trim_matches(|c: char| c == '\'' || c == '’' || c == '-').to_string();
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(&w)
            .to_string();
        if w.chars().count() < 3 || w.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        if lex.stop.contains(&w) || lex.trim.contains(&w) {
            continue;
        }
        if let Some(gs) = lex.groups.get(&w) {
            for g in gs {
                out.insert(format!("group:{g}"));
            }
        }
        out.insert(w);
    }
    out
}

/// Day number of a date (days from the common era).
pub fn day(d: NaiveDate) -> i64 {
    crate::time::day_number(d)
}

/// The date of a day number.
pub fn date(d: i64) -> Option<NaiveDate> {
    crate::time::day_date(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::order::lexicon;
    use crate::timex::Timex;

    pub(crate) fn mention(text: &str, at: &str, value: &str, from: &str, to: &str) -> Resolved {
        let start = text.find(at).expect("fixture text");
        Resolved {
            start,
            end: start + at.len(),
            text: at.to_string(),
            timex: Timex {
                kind: TimexType::Date,
                value: value.into(),
                modifier: None,
                from: crate::ingest::parse_day(from),
                to: crate::ingest::parse_day(to),
                why: String::new(),
                ambiguous: false,
            },
            range: None,
            tense: Tense::Past,
            weekday: None,
            partial: None,
        }
    }

    #[test]
    fn a_parenthetical_date_is_cut_with_its_commas() {
        // seed 000
        let text = "Recent peace discussions in Abu Dhabi, held on February 4-5, brought together Ukrainian, American, and Russian officials. Then more.";
        let doc = Document::from_text("d", text);
        let r = mention(
            text,
            "February 4-5",
            "2026-02-04/2026-02-05",
            "2026-02-04",
            "2026-02-05",
        );
        let ev = extract(0, &doc, &[r], &[], lexicon::get());
        assert_eq!(ev.len(), 1);
        assert_eq!(
            ev[0].text,
            "Recent peace discussions in Abu Dhabi brought together Ukrainian, American, and Russian officials"
        );
        assert_eq!(ev[0].expression, "February 4-5");
        assert_eq!(ev[0].first.1, NaiveDate::from_ymd_opt(2026, 2, 4).expect("date"));
        assert_eq!(ev[0].last.0, NaiveDate::from_ymd_opt(2026, 2, 5).expect("date"));
        assert!(ev[0].words.contains("group:talks"));
    }

    #[test]
    fn a_leading_date_and_its_preposition_are_cut() {
        let text = "Talks stalled. On February 5, Russia launched 70 missiles and 450 drones. ";
        let doc = Document::from_text("d", text);
        let r = mention(text, "February 5", "2026-02-05", "2026-02-05", "2026-02-05");
        let ev = extract(0, &doc, &[r], &[], lexicon::get());
        assert_eq!(ev[0].text, "Russia launched 70 missiles and 450 drones");
        let text = "Zelensky met UK and EU leaders last week.";
        let doc = Document::from_text("d", text);
        let r = mention(text, "last week", "2023-W06", "2023-02-06", "2023-02-12");
        let ev = extract(0, &doc, &[r], &[], lexicon::get());
        assert_eq!(ev[0].text, "Zelensky met UK and EU leaders");
    }

    #[test]
    fn two_mentions_of_one_range_are_one_event() {
        let text = "The fair ran from March 3 to March 9 in Lyon.";
        let doc = Document::from_text("d", text);
        let mut a = mention(text, "March 3", "2024-03-03", "2024-03-03", "2024-03-03");
        let mut b = mention(text, "March 9", "2024-03-09", "2024-03-09", "2024-03-09");
        a.range = Some("r1".into());
        b.range = Some("r1".into());
        let ev = extract(0, &doc, &[a, b], &[], lexicon::get());
        assert_eq!(ev.len(), 1);
        assert_eq!(ev[0].expression, "March 3 to March 9");
        assert_eq!(ev[0].value, "2024-03-03/2024-03-09");
        assert_eq!(ev[0].mentions, vec![0, 1]);
    }

    #[test]
    fn durations_references_and_furniture_are_not_events() {
        let text = "It lasted three days. Now it is over. © 2024 Times";
        let doc = Document::from_text("d", text);
        let mut d = mention(text, "three days", "P3D", "", "");
        d.timex.kind = TimexType::Duration;
        let mut now = mention(text, "Now", "PRESENT_REF", "2024-01-01", "2024-01-01");
        now.timex.value = "PRESENT_REF".into();
        let c = mention(text, "2024", "2024", "2024-01-01", "2024-12-31");
        let f = Furniture {
            range: text.find('©').expect("©")..text.len(),
            kind: crate::page::furniture::FurnitureKind::Copyright,
        };
        assert!(extract(0, &doc, &[d, now, c], &[f], lexicon::get()).is_empty());
    }

    #[test]
    fn headings_datelines_and_headline_lists_hold_no_events() {
        let text = "NAIROBI, August 21 (Xinhua) --\nTalks ended on August 20.\n  • Trial Set for January 2026—Could Face 130 Years\n";
        let at = |s: &str| {
            let i = text.find(s).expect("fixture");
            i..i + s.len()
        };
        assert!(in_heading(text, &at("August 21")));
        assert!(!in_heading(text, &at("August 20")));
        assert!(in_heading(text, &at("January 2026")));
    }

    #[test]
    fn a_range_without_years_that_ends_before_it_starts_was_resolved_end_by_end() {
        let d = |s| crate::ingest::parse_day(s).expect("date");
        let lex = lexicon::get();
        let day = |s| (d(s), d(s));
        let fri = day("2010-04-30");
        assert_eq!(
            repair_range("Friday until Sunday", fri, day("2010-04-25"), lex),
            (fri, day("2010-05-02"))
        );
        let jul = (d("2010-07-01"), d("2010-07-31"));
        let dec = (d("2009-12-01"), d("2009-12-31"));
        let dec_next = (d("2010-12-01"), d("2010-12-31"));
        assert_eq!(repair_range("July through December", jul, dec, lex), (jul, dec_next));
        let jun = day("2011-06-01");
        assert_eq!(
            repair_range("June 1 to November 30", jun, day("2010-11-30"), lex),
            (jun, day("2011-11-30"))
        );
        // WikiWars: the start's year came from the narrative, the end writes its own.
        let aug = day("1988-08-16");
        assert_eq!(
            repair_range("May 15 to August 16, 1988", day("1989-05-15"), aug, lex),
            (day("1988-05-15"), aug)
        );
        // both years written: left as it is (and reported)
        let (mar9, mar3) = (day("2024-03-09"), day("2024-03-03"));
        assert_eq!(
            repair_range("March 9, 2024 to March 3, 2024", mar9, mar3, lex),
            (mar9, mar3)
        );
    }

    /// The phrase, names and word readers as they were before they were
    /// bounded by the words they use (issue #14): what they must still give.
    mod unbounded {
        use super::super::{words, Lexicon, MAX_WORDS};
        use std::collections::BTreeSet;
        use std::ops::Range;

        /// The event phrase: the sentence trimmed to what happened.
        pub(super) fn phrase(text: &str, sentence: &Range<usize>, expr: Range<usize>, lex: &Lexicon) -> String {
            let sent = sentence.clone();
            // The comma-bounded segment around the expression.
            let seg_start = text
                .get(sent.start..expr.start)
                .and_then(|s| s.rfind(',').map(|i| sent.start + i))
                .unwrap_or(sent.start);
            let seg_end = text
                .get(expr.end..sent.end)
                .and_then(|s| s.find(',').map(|i| expr.end + i))
                .unwrap_or(sent.end);
            let only_trim = |r: Range<usize>| {
                words(text, r)
                    .iter()
                    .all(|(_, w)| lex.trim.contains(w) || lex.aside.contains(w))
            };
            let segment_is_parenthetical = only_trim(seg_start..expr.start) && only_trim(expr.end..seg_end);
            // What is cut: the parenthetical with one of its commas, or the
            // expression with the trim words just before it.
            let cut = if segment_is_parenthetical && (seg_start != sent.start || seg_end != sent.end) {
                // Both commas go: "Abu Dhabi, held on February 4-5, brought" → "Abu Dhabi brought".
                if seg_end < sent.end {
                    seg_start..(seg_end + 1).min(sent.end)
                } else {
                    seg_start..seg_end
                }
            } else {
                let before = words(text, sent.start..expr.start);
                let mut from = expr.start;
                for (r, w) in before.iter().rev() {
                    // Only words directly before, separated by spaces.
                    let gap = text.get(r.end..from).unwrap_or("");
                    if lex.trim.contains(w) && gap.chars().all(char::is_whitespace) {
                        from = r.start;
                    } else {
                        break;
                    }
                }
                from..expr.end
            };
            let mut kept = String::new();
            kept.push_str(text.get(sent.start..cut.start).unwrap_or(""));
            kept.push(' ');
            kept.push_str(text.get(cut.end..sent.end).unwrap_or(""));
            // Long: the clause (between ; : —) that held the expression.
            let mut clause = kept.clone();
            let mut clause_cut = false;
            if kept.split_whitespace().count() > MAX_WORDS {
                let at = cut.start.saturating_sub(sent.start);
                let mut lo = 0;
                let mut hi = kept.len();
                for (i, c) in kept.char_indices() {
                    if matches!(c, ';' | ':' | '—' | '–') {
                        if i < at {
                            lo = i + c.len_utf8();
                        } else if i > at && i < hi {
                            hi = i;
                            break;
                        }
                    }
                }
                if let Some(c) = kept.get(lo..hi) {
                    if c.split_whitespace().count() >= 3 {
                        clause = c.to_string();
                        clause_cut = lo > 0;
                    }
                }
            }
            tidy(&clause, lex, clause_cut)
        }

        /// Collapse white space, cut punctuation from both edges and trim words from
        /// the end (and from the start of a clause cut out of a longer sentence: a
        /// sentence's own first word stays, "In my view, Trump is …"), and cap the
        /// length.
        pub(super) fn tidy(s: &str, lex: &Lexicon, clause_cut: bool) -> String {
            let mut ws: Vec<&str> = s.split_whitespace().collect();
            let bare = |w: &str| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
            let edge_junk = |w: &str| {
                let b = bare(w);
                b.is_empty() || lex.trim.contains(&b)
            };
            while ws.first().is_some_and(|w| {
                let b = bare(w);
                b.is_empty() || (clause_cut && lex.trim.contains(&b))
            }) {
                ws.remove(0);
            }
            while ws.last().is_some_and(|w| edge_junk(w)) {
                ws.pop();
            }
            let long = ws.len() > MAX_WORDS;
            ws.truncate(MAX_WORDS);
            let mut out = ws.join(" ").replace(" ,", ",").replace(" .", ".");
            while out.ends_with([',', ';', ':', '.', '—', '–', '-', '(']) {
                out.pop();
            }
            while out.starts_with([',', ';', ':', '—', '–', '-', ')']) {
                out.remove(0);
                out = out.trim_start().to_string();
            }
            if long {
                out.push('…');
            }
            out
        }

        /// Capitalised words of a sentence outside `expr`, but for its first word
        /// and stop words.
        pub(super) fn names(
            text: &str,
            sentence: &Range<usize>,
            expr: Range<usize>,
            lex: &Lexicon,
        ) -> BTreeSet<String> {
            let mut out = BTreeSet::new();
            for (k, (r, w)) in words(text, sentence.clone()).into_iter().enumerate() {
                if k == 0 || (r.start < expr.end && expr.start < r.end) {
                    continue;
                }
                let capital = text
                    .get(r.clone())
                    .and_then(|s| s.chars().next())
                    .is_some_and(char::is_uppercase);
                if capital && !lex.stop.contains(&w) && !lex.trim.contains(&w) && w.chars().count() > 1 {
                    out.insert(w);
                }
            }
            out
        }
    }

    /// Texts that exercise the phrase: parentheticals, trim and aside words,
    /// clause marks, long clauses, names, non-ASCII words, and a page with
    /// no sentence punctuation.
    const TRICKY: [&str; 4] = [
        "Recent peace discussions in Abu Dhabi, held on February 4-5, brought together Ukrainian, American, and Russian officials. Then more.",
        "The talks — held in Geneva on May 5 — ended; Russia and Ukraine signed nothing: the U.S. said it would wait, as planned, until June 2024 and the EU agreed on Monday to fund the Kyiv plan for years ahead of the summit in Paris and Berlin with the UN, on and on.",
        "Über Café’s staff met in Zürich – on 3 März, as expected – and the mid-2024 plan, set for the autumn of the year, in the end, on, at,",
        "Officials said talks would resume on Jan 14 2025 Officials added that 472 drones were shot down on February 4-5 Rescue workers confirmed that the plan was on track on February 4-5 A spokesperson declined to comment further on the negotiations The ministry told reporters that the plan was on track last October; the bank said so in 2019 and on and in the",
    ];

    #[test]
    fn the_bounded_readers_give_what_the_whole_sentence_gave() {
        let lex = lexicon::get();
        // around the longest phrase: n words, then k trim words or marks at the end
        let mut texts: Vec<String> = TRICKY.iter().map(|t| t.to_string()).collect();
        for n in 20..29 {
            for k in 0..4 {
                let body: Vec<String> = (0..n).map(|i| format!("Word{i}")).collect();
                let tail = ["on", "—", "the", ","][..k].join(" ");
                texts.push(format!("{} in 2024 {tail}", body.join(" ")));
                texts.push(format!("By the end, {}: in 2024 {tail}", body.join(" ")));
            }
        }
        for text in texts.iter().map(String::as_str) {
            let mut reader = Reader::new(text);
            let ws = words(text, 0..text.len());
            for i in 0..ws.len() {
                for j in i..(i + 3).min(ws.len()) {
                    let expr = ws[i].0.start..ws[j].0.end;
                    let sent = sentence(text, expr.clone());
                    assert_eq!(reader.sentences.at(expr.clone()), sent);
                    assert_eq!(
                        phrase(&reader, &sent, expr.clone(), lex),
                        unbounded::phrase(text, &sent, expr.clone(), lex),
                        "{text:?} {expr:?}"
                    );
                    assert_eq!(
                        *reader.names(&sent, expr.clone(), lex),
                        unbounded::names(text, &sent, expr.clone(), lex)
                    );
                    let before = words(text, sent.start..expr.start);
                    assert_eq!(last_word(text, sent.start..expr.start), before.last().cloned());
                    assert_eq!(
                        first_word(text, sent.clone()),
                        words(text, sent.clone()).first().cloned()
                    );
                    assert_eq!(
                        first_word(text, expr.end..sent.end),
                        words(text, expr.end..sent.end).first().cloned()
                    );
                }
            }
        }
    }

    #[test]
    fn part_words_narrow_a_period_to_its_third_with_a_day_of_slack() {
        let d = |s: &str| crate::ingest::parse_day(s).expect("a day");
        let january = (d("2023-01-01"), d("2023-01-31"));
        assert_eq!(
            narrowed(january, Some(TimexMod::End)),
            (d("2023-01-20"), d("2023-01-31"))
        );
        assert_eq!(
            narrowed(january, Some(TimexMod::Start)),
            (d("2023-01-01"), d("2023-01-12"))
        );
        assert_eq!(
            narrowed(january, Some(TimexMod::Mid)),
            (d("2023-01-10"), d("2023-01-22"))
        );
        // other mods, and periods shorter than a week, stay whole
        assert_eq!(narrowed(january, Some(TimexMod::Approx)), january);
        assert_eq!(narrowed(january, None), january);
        let days = (d("2023-01-01"), d("2023-01-03"));
        assert_eq!(narrowed(days, Some(TimexMod::End)), days);
        assert_eq!(PART_SLACK_DAYS, 1);
    }

    #[test]
    fn sentences_survive_abbreviations() {
        let text = "He left the U.S. on Feb. 4 for talks. Next one.";
        let at = text.find("Feb. 4").expect("x");
        let s = sentence(text, at..at + 6);
        assert_eq!(&text[s], "He left the U.S. on Feb. 4 for talks.");
    }
}
