//! Inference of publication dates: every statement is a constraint on the
//! unknown day; the constraints are intersected, strongest first, and a
//! constraint that would empty the set is reported as a conflict instead of
//! silently winning or losing ([`super::solve`]).
//!
//! ```text
//! constraint := interval [lo, hi]                     (dated clause + tense, durations
//!                                                      from dated events, retrieval, page stamps)
//!             | periodic month-day window, every year (year-less dates + tense,
//!                                                      optionally only years whose weekday matches)
//! ```
//!
//! One document is read in steps: the pin and the retrieval date, the page
//! stamps, each body mention (stated dates with their tense, bare years,
//! year-less days, durations from dated events), then the guesses for a
//! document that dates nothing itself (relative weekdays, its story's years).

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate, Weekday};

use super::corpus::{dated_days, dated_starts, Corpus, DatedDay, DatedStart, StoryIndex, WordIndex};
use super::cues::{
    bare_year_told_as_time, body_mentions, deadline_before, duration_days, duration_event, elapsed_bounds,
    proper_nouns, quote, relative_day, year_told_ahead,
};
use super::days::{date, date_day, day, fmt, shift, Allowed};
use super::model::{Cue, Kind, Shape, Table};
use super::sentences::SentenceCache;
use super::weights::Weights;
use super::work::{evidence, Work};
use super::{Anchor, Pin, Pins, Strength};
use crate::ingest::Document;
use crate::page::furniture::{self, PageFurniture};
use crate::page::Page;
use crate::resolve::{Resolved, Tense};
use crate::timex::TimexType;

/// Infer every document's anchor. `resolved[i]` holds the mentions of
/// `docs[i]` resolved by the text alone ([`super::resolve_textual`]). The
/// page structure is analysed here; [`infer_with_pages`] takes it ready.
/// Every document is taken as one story.
pub fn infer(docs: &[Document], resolved: &[Vec<Resolved>], pins: &Pins, retrieved: Option<NaiveDate>) -> Vec<Anchor> {
    infer_with_pages(
        docs,
        resolved,
        &crate::page::analyse_all(docs),
        &vec![0; docs.len()],
        pins,
        retrieved,
    )
}

/// [`infer`] with each document's page structure already analysed
/// (`pages[i]` of `docs[i]`, from [`crate::page::analyse`]) and each
/// document's story (`story_of[i]`, from [`crate::stories::group`]): no
/// neighbour votes across stories. ([`infer`] takes the whole collection
/// as one story.)
pub fn infer_with_pages(
    docs: &[Document],
    resolved: &[Vec<Resolved>],
    pages: &[Page],
    story_of: &[usize],
    pins: &Pins,
    retrieved: Option<NaiveDate>,
) -> Vec<Anchor> {
    match Weights::default_loaded() {
        Ok(k) => infer_with_weights(docs, resolved, pages, story_of, pins, retrieved, k),
        Err(e) => super::weights::unloaded(docs, e),
    }
}

/// [`infer_with_pages`] with the given weights and thresholds instead of
/// those of `grammar/weights.txt` (what a test changes one at a time).
pub fn infer_with_weights(
    docs: &[Document],
    resolved: &[Vec<Resolved>],
    pages: &[Page],
    story_of: &[usize],
    pins: &Pins,
    retrieved: Option<NaiveDate>,
    k: &Weights,
) -> Vec<Anchor> {
    match Table::default_loaded() {
        Ok(t) => infer_full(docs, resolved, pages, story_of, (pins, retrieved), (k, t)).0,
        Err(e) => super::weights::unloaded(docs, e),
    }
}

/// The whole inference with the given weights and cue table: every
/// document's anchor, and the cues each was dated from (what the fitting
/// program counts, [`super::fit`]).
pub fn infer_full(
    docs: &[Document],
    resolved: &[Vec<Resolved>],
    pages: &[Page],
    story_of: &[usize],
    (pins, retrieved): (&Pins, Option<NaiveDate>),
    (k, t): (&Weights, &Table),
) -> (Vec<Anchor>, Vec<Vec<Cue>>) {
    use rayon::prelude::*;
    let zeros;
    let story_of = if story_of.len() == docs.len() {
        story_of
    } else {
        zeros = vec![0; docs.len()];
        &zeros
    };
    let starts = dated_starts(docs, resolved, pages);
    let days = dated_days(docs, resolved, pages);
    let doc_nouns: Vec<BTreeSet<String>> = docs.par_iter().map(|d| proper_nouns(d.body_text())).collect();
    let story = StoryIndex::new(docs, &days, story_of, k);
    let by_word = WordIndex::new(&days, k);
    let corpus = Corpus {
        docs,
        starts: &starts,
        days: &days,
        doc_nouns: &doc_nouns,
        story: &story,
        by_word: &by_word,
        weights: k,
        story_of,
    };
    let no_page = Page::default();
    let read: Vec<Read> = (0..docs.len())
        .into_par_iter()
        .map(|i| {
            let empty = Vec::new();
            let res = resolved.get(i).unwrap_or(&empty);
            let furn = pages.get(i).unwrap_or(&no_page);
            infer_one(i, &corpus, res, &furn.furniture, pins, retrieved)
        })
        .collect();
    let solve = |i: usize, r: &Read| {
        let furn = &pages.get(i).unwrap_or(&no_page).furniture;
        super::solve::solve(
            &docs[i],
            r.work.clone(),
            (r.pinned, r.retrieved),
            furn,
            r.work.dated_body_max,
            (k, t),
        )
    };
    let mut anchors: Vec<Anchor> = read.par_iter().enumerate().map(|(i, r)| solve(i, r)).collect();
    let votes = super::neighbours::neighbour_votes(docs, resolved, pages, &anchors, (story_of, &doc_nouns), k);
    let mut read = read;
    for (i, v) in votes.into_iter().enumerate() {
        if let Some(ev) = v {
            let r = &mut read[i];
            let d = ev.earliest.map(day);
            let close = ev.implies.contains(super::neighbours::CLOSE_MARK);
            r.work.evidence.push(ev);
            if let Some(d) = d {
                let kind = if close { Kind::Neighbour } else { Kind::NeighbourFar };
                r.work.cue(kind, Shape::Span(d, d));
            }
            anchors[i] = solve(i, r);
        }
    }
    let cues = read.into_iter().map(|r| r.work.cues).collect();
    (anchors, cues)
}

/// One document read: its cues and constraints, its pin and retrieval date.
struct Read {
    work: Work,
    pinned: Option<NaiveDate>,
    retrieved: Option<NaiveDate>,
}

/// Read one document's evidence step by step.
fn infer_one(
    i: usize,
    corpus: &Corpus<'_>,
    res: &[Resolved],
    furn: &PageFurniture,
    pins: &Pins,
    cli_retrieved: Option<NaiveDate>,
) -> Read {
    let doc = &corpus.docs[i];
    let pin = pins.by_doc.get(&doc.id);
    let mut w = Work::new();
    let pinned = read_pin(doc, pin, pins, &mut w);
    let retrieved = pin.and_then(|p| p.retrieved).or(doc.meta.retrieved).or(cli_retrieved);
    if let Some(r) = retrieved {
        read_retrieval(doc, r, &mut w);
    }
    read_page_stamps(doc, furn, retrieved, &mut w);
    read_furniture_stamps(doc, res, furn, &mut w);
    let body = body_mentions(doc, res, furn);
    let mut memo = Memo::new(&doc.text);
    for r in &body {
        read_mention(i, doc, r, corpus, &mut memo, &mut w);
    }
    super::extra::read_weekdays(doc, &body, &mut w);
    super::extra::read_sidebars(doc, res, furn, &mut w);
    let top = super::extra::read_top_year(doc, &body, &mut w);
    let latest = super::extra::read_latest_year(doc, &body, &|r| stated_tense(doc, r), &mut w);
    w.finish_years(latest, top);
    super::extra::read_offices(doc, &mut w);
    let has_dated_day = body.iter().any(|r| is_dated_day(r));
    // A relative weekday whose event another article dates: a guess for
    // `best` (the article was written on that day or within the week after),
    // never a bound; only for an article that dates no day itself.
    let undated = !has_dated_day && w.linked.is_empty();
    let headed = body
        .iter()
        .any(|r| r.start - doc.body.start < corpus.weights.head_bytes && is_dated_day(r));
    if !headed {
        guess_from_weekdays(i, doc, &body, corpus, &mut memo, &mut w);
    }
    if undated && w.linked.is_empty() {
        guess_from_story(i, doc, &body, corpus, &mut w);
    }
    Read {
        work: w,
        pinned,
        retrieved,
    }
}

/// What one document's reading looks up more than once, kept: its
/// sentences' words, the events its relative weekdays link to, and the
/// dated starts its durations count from (a page with thousands of dates
/// reads each once, issue 14).
struct Memo<'t, 'c> {
    sentences: SentenceCache<'t>,
    weekday: HashMap<(usize, usize, Option<Weekday>), Option<&'c DatedDay>>,
    starts: HashMap<String, Vec<&'c DatedStart>>,
}

impl<'t, 'c> Memo<'t, 'c> {
    fn new(text: &'t str) -> Memo<'t, 'c> {
        Memo {
            sentences: SentenceCache::new(text),
            weekday: HashMap::new(),
            starts: HashMap::new(),
        }
    }

    /// The day another article dates the event of the sentence around `r`
    /// (`WordIndex::weekday_event`), once per sentence and weekday.
    fn weekday_event(
        &mut self,
        i: usize,
        r: &Resolved,
        wd: Option<Weekday>,
        corpus: &Corpus<'c>,
    ) -> Option<&'c DatedDay> {
        let s = self.sentences.sentence(&(r.start..r.end));
        if let Some(d) = self.weekday.get(&(s.start, s.end, wd)) {
            return *d;
        }
        let words = self.sentences.topic_words(&(r.start..r.end));
        let d = corpus
            .by_word
            .weekday_event(i, &words, wd, &|j| corpus.same_story(i, j));
        self.weekday.insert((s.start, s.end, wd), d);
        d
    }

    /// The dated starts of `group` a duration of document `i` may count
    /// from: the dated sentence names something this article names (Ukraine,
    /// Putin …), and the two articles share at least three names. They
    /// depend on the document and the group alone: found once per group.
    fn starts_of(&mut self, i: usize, group: &str, corpus: &Corpus<'c>) -> Vec<&'c DatedStart> {
        if let Some(c) = self.starts.get(group) {
            return c.clone();
        }
        let mine = &corpus.doc_nouns[i];
        let doc_nouns = corpus.doc_nouns;
        let cands: Vec<&DatedStart> = corpus
            .starts
            .iter()
            .filter(|s| s.group == group && corpus.same_story(i, s.doc))
            .filter(|s| s.nouns.intersection(mine).next().is_some())
            .filter(|s| s.doc == i || doc_nouns[s.doc].intersection(mine).take(3).count() >= 3)
            .collect();
        self.starts.insert(group.to_string(), cands.clone());
        cands
    }
}

/// Whether a mention at `start` is the article's dateline: within
/// `head_bytes` of the body's start, before its first sentence ends and
/// before its first paragraph break.
fn at_head(doc: &Document, start: usize, head_bytes: usize) -> bool {
    let before = doc.text.get(doc.body.start..start).unwrap_or("");
    before.len() < head_bytes && !before.contains(". ") && !before.contains(".\n") && !before.contains("\n\n")
}

/// A day stated with its year (`from == to`, no `X` in the value).
fn is_dated_day(r: &Resolved) -> bool {
    r.timex.from.is_some() && r.timex.from == r.timex.to && !r.timex.has_unknown()
}

/// The publication date a person pinned or the input gives, as evidence.
fn read_pin(doc: &Document, pin: Option<&Pin>, pins: &Pins, w: &mut Work) -> Option<NaiveDate> {
    let p = pin.and_then(|p| p.published).or(doc.meta.published)?;
    let why = match pin.and_then(|p| p.published) {
        Some(_) => format!(
            "pinned: published {p} ({}:{})",
            pins.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
            pin.map(|p| p.line).unwrap_or(0)
        ),
        None => format!("pinned: the input gives the publication date {p}"),
    };
    let mut ev = evidence(doc, 0..0, why, Strength::Strong);
    ev.earliest = Some(p);
    ev.latest = Some(p);
    w.evidence.push(ev);
    Some(p)
}

/// The page was published on or before the day it was retrieved.
fn read_retrieval(doc: &Document, r: NaiveDate, w: &mut Work) {
    let mut ev = evidence(
        doc,
        0..0,
        format!("on or before {r}: the page was retrieved then"),
        Strength::Strong,
    );
    ev.latest = Some(r);
    let allowed = Allowed::Interval(None, Some(day(r)));
    w.add(ev, Some(allowed.clone()));
    w.set_cue(Kind::Retrieved, &allowed);
}

/// Relative page stamps ("Published 1 day ago"), read against the retrieval date.
fn read_page_stamps(doc: &Document, furn: &PageFurniture, retrieved: Option<NaiveDate>, w: &mut Work) {
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
                let allowed = Allowed::Interval(Some(lo), Some(hi));
                w.add(ev, Some(allowed.clone()));
                w.set_cue(Kind::RelativeStamp, &allowed);
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
}

/// A stamp ("amended on …", a reader's comment) is furniture, but its date
/// still bounds the publication from above.
fn read_furniture_stamps(doc: &Document, res: &[Resolved], furn: &PageFurniture, w: &mut Work) {
    for r in res
        .iter()
        .filter(|r| r.start >= doc.body.start && r.end <= doc.body.end)
    {
        if furn.covers(&(r.start..r.end)) && furniture::is_stamp(&doc.text, &(r.start..r.end)) {
            stamp_bound(doc, r, w);
        }
    }
}

/// The page changed on a stamped day (an amendment, a reader's comment): it
/// was published on or before.
fn stamp_bound(doc: &Document, r: &Resolved, w: &mut Work) {
    let t = &r.timex;
    let day_exact = t.from.is_some() && t.from == t.to;
    if let (Some(to), false, true) = (t.to, t.has_unknown(), day_exact) {
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
        w.cue(Kind::Stamp, Shape::Span(day(to), day(to)));
    }
}

/// What one body mention tells of the publication date.
fn read_mention<'c>(i: usize, doc: &Document, r: &Resolved, corpus: &Corpus<'c>, m: &mut Memo<'_, 'c>, w: &mut Work) {
    let t = &r.timex;
    if furniture::is_stamp(&doc.text, &(r.start..r.end)) {
        stamp_bound(doc, r, w);
        return;
    }
    let stated = matches!(t.kind, TimexType::Date | TimexType::Time) && !t.has_unknown();
    let year_only = t.from.zip(t.to).is_some_and(|(f, to)| (to - f).num_days() > 200);
    if stated && year_only {
        if let (Some(f), Some(to)) = (t.from, t.to) {
            if year_told_ahead(&doc.text, r.start) || stated_tense(doc, r) == Tense::Future {
                // "until 2015", "by 2020", "will be handed over in 2016"
                w.years_seen = true;
                w.saw_dated(day(to));
                w.ahead.insert(r.start);
                let ev = evidence(
                    doc,
                    r.start..r.end,
                    format!("before or near {}: {} is told as still ahead", f.year(), quote(&r.text)),
                    Strength::Weak,
                );
                w.year(ev, Kind::YearAhead, (day(f), day(to)), one_year(f, to));
                return;
            }
        }
    }
    if stated && year_only && !bare_year_told_as_time(&doc.text, r.start, r.end) {
        // a bare year's clause tense is too often misread ("by 2012",
        // "in 2009 … will") to bound anything; it still shows a year is stated
        w.years_seen = true;
        if let (Some(f), Some(to)) = (t.from, t.to) {
            w.saw_dated(day(to));
            let ev = evidence(
                doc,
                r.start..r.end,
                format!("near {}: {} is a year in passing", f.year(), quote(&r.text)),
                Strength::Weak,
            );
            w.year(ev, Kind::YearPassing, (day(f), day(to)), one_year(f, to));
        }
        return;
    }
    if stated {
        if let (Some(f), Some(to)) = (t.from, t.to) {
            let head = at_head(doc, r.start, corpus.weights.head_bytes);
            read_stated_date(doc, r, (f, to), (year_only, head), w);
            return;
        }
    }
    if let Some((mo, d)) = t.yearless() {
        read_yearless(i, doc, r, (mo, d), corpus, m, w);
        return;
    }
    if t.kind == TimexType::Duration {
        if let Some(group) = duration_event(&doc.text, r) {
            link_duration(i, doc, r, &group, corpus, m, w);
        }
    }
}

/// The calendar year `f..=to` is, if it is one (a decade is not).
fn one_year(f: NaiveDate, to: NaiveDate) -> Option<i32> {
    (f.year() == to.year() && f.ordinal() == 1 && to.month() == 12 && to.day() == 31).then_some(f.year())
}

/// The tense a stated date's clause bounds the publication with: resolution
/// reads tense only where it picks a year, so a stated date reads it here; a
/// past deadline ("due March 1, 2011") and a future without a scheduling cue
/// bound nothing.
fn stated_tense(doc: &Document, r: &Resolved) -> Tense {
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
    match (tense, cue.as_deref()) {
        (Tense::Future, Some(c))
            if !matches!(
                c.to_ascii_lowercase().as_str(),
                "scheduled" | "upcoming" | "planned" | "expected"
            ) =>
        {
            Tense::Unknown
        }
        (t, _) => t,
    }
}

/// A date stated with its year: told in the past it bounds the publication
/// from below, still ahead from above; a weekday that does not fit is reported.
fn read_stated_date(
    doc: &Document,
    r: &Resolved,
    (f, to): (NaiveDate, NaiveDate),
    (year_only, head): (bool, bool),
    w: &mut Work,
) {
    let q = quote(&r.text);
    w.years_seen = true;
    w.saw_dated(day(to));
    let tense = stated_tense(doc, r);
    let kind = match tense {
        Tense::Future => Kind::FuturePlan,
        _ if head && f == to => Kind::Dateline,
        Tense::Past if year_only => Kind::YearPast,
        Tense::Past if f == to => Kind::PastDay,
        Tense::Past => Kind::PastSpan,
        _ => Kind::Told,
    };
    let bound = match tense {
        Tense::Past => {
            let mut ev = evidence(
                doc,
                r.start..r.end,
                format!("on or after {f}: {q} is told in the past"),
                Strength::Medium,
            );
            ev.earliest = Some(f);
            Some((ev, Allowed::Interval(Some(day(f)), None)))
        }
        Tense::Future => {
            let mut ev = evidence(
                doc,
                r.start..r.end,
                format!("on or before {to}: {q} is still ahead"),
                Strength::Medium,
            );
            ev.latest = Some(to);
            Some((ev, Allowed::Interval(None, Some(day(to)))))
        }
        _ => None,
    };
    match bound {
        Some((ev, allowed)) if year_only => w.add_soft(ev, Some(allowed)),
        Some((ev, allowed)) => w.add(ev, Some(allowed)),
        None => w.evidence.push(evidence(
            doc,
            r.start..r.end,
            format!("near {f}: {q} is stated without a tense that bounds the date"),
            Strength::Weak,
        )),
    }
    if year_only {
        w.year_last(kind, (day(f), day(to)), one_year(f, to));
    } else {
        w.cue(kind, Shape::Span(day(f), day(to)));
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
}

/// A year-less day or month: a window every year around the publication,
/// by its tense or its weekday, and a year another telling may give it.
fn read_yearless<'c>(
    i: usize,
    doc: &Document,
    r: &Resolved,
    (m, d): (u32, Option<u32>),
    corpus: &Corpus<'c>,
    memo: &mut Memo<'_, 'c>,
    w: &mut Work,
) {
    let q = quote(&r.text);
    let (dom, is_day) = match d {
        Some(d) => (d, true),
        None => (1, false),
    };
    let month_len = if is_day { 0 } else { 30 };
    let weekday = r.weekday.filter(|_| is_day);
    let horizon = corpus.weights.yearless_horizon_days;
    let allowed = match r.tense {
        Tense::Past => Some(Allowed::Periodic {
            month: m,
            day: dom,
            before: 0,
            after: horizon,
            weekday,
        }),
        Tense::Future => Some(Allowed::Periodic {
            month: m,
            day: dom,
            before: -horizon,
            after: month_len,
            weekday,
        }),
        _ => weekday.map(|wd| Allowed::Periodic {
            month: m,
            day: dom,
            before: -horizon,
            after: horizon,
            weekday: Some(wd),
        }),
    };
    if is_day && matches!(r.tense, Tense::Past | Tense::Future) {
        link_year(i, doc, r, (m, dom), corpus, memo, w);
    }
    if let Some(a) = allowed {
        let what = match (r.tense, weekday) {
            (Tense::Past, _) => format!("within {horizon} days after the {q} it tells in the past"),
            (Tense::Future, _) => format!("within {horizon} days before the {q} still ahead"),
            (_, Some(wd)) => format!("near a year in which {q} falls on a {wd:?}"),
            _ => String::new(),
        };
        let strength = if weekday.is_some() {
            Strength::Strong
        } else {
            Strength::Medium
        };
        w.add_soft(evidence(doc, r.start..r.end, what, strength), Some(a.clone()));
        w.set_cue(Kind::Yearless, &a);
    }
}

/// Relative weekdays and day words whose event another article dates:
/// guesses for `best` ("on Thursday": the event's day has that weekday and
/// the article follows within the week; "yesterday": the article is a day
/// after it).
fn guess_from_weekdays<'c>(
    i: usize,
    doc: &Document,
    body: &[&Resolved],
    corpus: &Corpus<'c>,
    m: &mut Memo<'_, 'c>,
    w: &mut Work,
) {
    for r in body {
        if r.tense == Tense::Future {
            continue;
        }
        let (wd, offset) = match (r.timex.relative_weekday(), relative_day(&r.text)) {
            (Some(wd), _) => (Some(wd), 0),
            (None, Some(off)) if off <= 0 => (None, -i64::from(off)),
            _ => continue,
        };
        if let Some(d) = m.weekday_event(i, r, wd, corpus) {
            let g = day(d.date) + offset;
            w.linked.push((g, Tense::Past));
            let src = &corpus.docs[d.doc];
            w.span(
                evidence(
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
                ),
                Kind::Guess,
                g,
                g,
            );
        }
    }
}

/// Nothing in the article carries a year: its year-less days take the year
/// in which its story's articles date days near them. A guess for `best`,
/// never a bound.
fn guess_from_story(i: usize, doc: &Document, body: &[&Resolved], corpus: &Corpus<'_>, w: &mut Work) {
    for r in body {
        if r.tense == Tense::Future {
            continue;
        }
        let Some((m, Some(dd))) = r.timex.yearless() else {
            continue;
        };
        let Some(y) = corpus.story.year_for(i, m, dd) else {
            continue;
        };
        if let Some(d) = date_day(y, m, dd) {
            w.linked.push((d, r.tense));
            let ev = evidence(
                doc,
                r.start..r.end,
                format!(
                    "a guess, not a bound: {} read as {y}, the year its story's articles date days near it",
                    quote(&r.text)
                ),
                Strength::Weak,
            );
            w.span(ev, Kind::StoryYear, d, d);
        }
    }
}

fn link_year<'c>(
    i: usize,
    doc: &Document,
    r: &Resolved,
    md: (u32, u32),
    corpus: &Corpus<'c>,
    m: &mut Memo<'_, 'c>,
    w: &mut Work,
) {
    let Some(cands) = corpus.days.get(&md) else {
        return;
    };
    let mine = m.sentences.topic_words(&(r.start..r.end));
    // (two shared words are enough to know: the rest of the sets is not read)
    let links: Vec<&DatedDay> = cands
        .iter()
        .filter(|c| c.doc != i || c.span.start != r.start)
        .filter(|c| corpus.same_story(i, c.doc))
        .filter(|c| c.words.intersection(&mine).take(2).count() >= 2)
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
        w.cue(Kind::Linked, Shape::Span(day(d), day(d)));
    }
}

/// Bound the publication date by a duration measured from an event whose
/// start some article dates.
#[allow(clippy::too_many_arguments)]
fn link_duration<'c>(
    i: usize,
    doc: &Document,
    r: &Resolved,
    group: &str,
    corpus: &Corpus<'c>,
    m: &mut Memo<'_, 'c>,
    w: &mut Work,
) {
    let Some((n, per)) = duration_days(&r.timex) else {
        return;
    };
    let docs = corpus.docs;
    let cands = m.starts_of(i, group, corpus);
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
    let allowed = Allowed::Interval(Some(lo), Some(hi));
    w.add_soft(ev, Some(allowed.clone()));
    w.set_cue(Kind::Duration, &allowed);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::anchor::Status;
    use crate::timex::{Timex, TimexMod};
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
    fn past_full_date_is_a_lower_bound_and_future_an_upper() {
        let text = "Talks were held on February 4, 2025. A visit is scheduled for March 3, 2025.";
        let d = Document::from_text("a", text);
        let res = vec![
            mention(text, "February 4, 2025", "2025-02-04", TimexType::Date, Tense::Past),
            mention(text, "March 3, 2025", "2025-03-03", TimexType::Date, Tense::Future),
        ];
        let a = &infer(&[d], &[res], &Pins::default(), None)[0];
        assert!(a.earliest.is_none_or(|e| e <= ymd(2025, 2, 4)), "{a:#?}");
        assert!(a.latest.is_none_or(|l| l >= ymd(2025, 3, 3)), "{a:#?}");
        assert!(
            a.best.is_some_and(|b| b >= ymd(2025, 2, 4) && b <= ymd(2025, 3, 3)),
            "{a:#?}"
        );
        assert!(
            a.evidence[0].implies.starts_with("on or after 2025-02-04"),
            "{}",
            a.evidence[0].implies
        );
        // a day stated near the head of so short a text reads as its dateline
        assert_eq!(a.evidence[0].kind.as_deref(), Some("dateline"));
    }

    #[test]
    fn a_month_told_in_the_past_alone_is_no_determined_day() {
        // "March 1990" told in the past bounds the article from below, but
        // says little of its day: the interval stays wide
        let text = "Prices were low in March 1990.";
        let d = Document::from_text("a", text);
        let res = vec![mention(text, "March 1990", "1990-03", TimexType::Date, Tense::Past)];
        let a = &infer(&[d], &[res], &Pins::default(), None)[0];
        assert_ne!(a.status, Status::Determined, "{a:#?}");
        let width = a.earliest.zip(a.latest).map(|(e, l)| (l - e).num_days());
        assert!(width.is_none_or(|w| w > 300), "{a:#?}");
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
        let c = a
            .evidence
            .iter()
            .find(|e| e.text.contains("© 2024"))
            .expect("footer evidence");
        assert_eq!(c.kind.as_deref(), Some("copyright"));
        assert!(c.implies.starts_with("nothing:"), "{c:?}");
        for k in &a.conflicts {
            assert_eq!(k.kind, "copyright_vs_body");
            assert!(k.explanation.starts_with("The footer says © 2024"), "{}", k.explanation);
        }
    }

    #[test]
    fn contradicting_statements_are_weighed_and_the_loser_named() {
        let text = "It happened on March 3, 2020. The vote will be held on January 5, 2019.";
        let d = Document::from_text("a", text);
        let res = vec![
            mention(text, "March 3, 2020", "2020-03-03", TimexType::Date, Tense::Past),
            mention(text, "January 5, 2019", "2019-01-05", TimexType::Date, Tense::Future),
        ];
        let a = &infer(&[d], &[res], &Pins::default(), None)[0];
        // the result follows one of the two, which pulls harder than the other
        let pulls: Vec<f64> = a.evidence.iter().take(2).filter_map(|e| e.moved.map(|m| m.0)).collect();
        assert_eq!(pulls.len(), 2, "{:#?}", a.evidence);
        assert!((pulls[0] - pulls[1]).abs() > 1.0, "{:#?}", a.evidence);
        if a.status == Status::Conflicting {
            assert!(
                a.reason.as_deref().is_some_and(|r| r.contains("disagrees")),
                "{:?}",
                a.reason
            );
        }
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
        assert!(a.latest.is_some_and(|l| l >= ymd(2025, 6, 1)), "{a:#?}");
        assert!(a.earliest.is_none_or(|e| e <= ymd(2025, 6, 1)), "{a:#?}");
        assert!(
            a.best.is_some_and(|b| b >= ymd(2025, 5, 31) && b <= ymd(2025, 6, 1)),
            "{a:#?}"
        );
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
        assert!(out[1].best.is_some_and(|b| b >= ymd(2010, 4, 20)), "{:#?}", out[1]);
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
        assert!(
            b.best.is_some_and(|d| d == ymd(2010, 6, 3) || d == ymd(2010, 6, 4)),
            "{b:#?}"
        );
        assert!(
            b.evidence.iter().any(|e| e.implies.starts_with("a guess, not a bound")),
            "{:?}",
            b.evidence
        );
    }
}
