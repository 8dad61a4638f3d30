//! The story stage: events as things that happened, each with its reports
//! across articles, what cannot be placed yet, and the story timeline.
//!
//! ```text
//! order::Ordered (tellings, the events they joined) + mentions of open-anchor articles
//!   ─reports─▶ Rep {doc, span, expression, interval | offset, sentence, words, names}
//!   ─link────▶ groups (order's links; same day and alike, IDF; word-for-word twins)
//!   ─events──▶ schema::v2::Event {when, what, reports, sources, salience, links}
//!              schema::v2::Unplaced {relative: "3 days before 002's publication"}
//!   ─salience▶ schema::v2::TimelineEntry, the N most salient days, in date order
//! ```
//!
//! No link crosses from one story to another. Ids come from what a report
//! says (its document and the content words of its sentence outside the
//! date), not from where it stands, so an edit elsewhere renames nothing.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::NaiveDate;
use rayon::prelude::*;

use crate::order::{fnv1a, DocInput, Ordered};
use crate::schema::v2::{self, Link, Offset, Report, TimelineEntry, Unplaced, When};
use crate::schema::{Conflict, Statement};
use crate::tag::Mention;

pub mod lexicon;
pub mod link;
pub mod reports;
pub mod salience;
pub mod words;

use link::Group;
use reports::Rep;
use salience::Published;
use words::{clean, Vocab};

/// Words of an event's headline at most.
const WHAT_WORDS: usize = 30;

/// Articles per timeline entry when `--top` is not given …
const ARTICLES_PER_ENTRY: usize = 10;

/// … and the fewest entries then.
const MIN_ENTRIES: usize = 10;

/// The stories of a collection: which story each document is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stories {
    /// For each document (input order), the index of its story in `list`.
    pub of_doc: Vec<usize>,
    /// The stories.
    pub list: Vec<v2::Story>,
}

impl Stories {
    /// The grouping of [`crate::stories::group`] as this stage reads it:
    /// each story with its documents' ids, sorted.
    pub fn from_groups(groups: &crate::stories::Stories, docs: &[crate::ingest::Document]) -> Stories {
        let list = groups
            .stories
            .iter()
            .map(|s| {
                let mut ids: Vec<String> = s
                    .docs
                    .iter()
                    .filter_map(|&i| docs.get(i))
                    .map(|d| d.id.clone())
                    .collect();
                ids.sort_unstable();
                v2::Story {
                    id: s.id.clone(),
                    label: s.label.clone(),
                    docs: ids,
                }
            })
            .collect();
        Stories {
            of_doc: groups.of_doc.clone(),
            list,
        }
    }
}

/// What the timeline shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// Days to show (default: one per 10 articles, at least 10).
    pub top: Option<usize>,
    /// First day shown.
    pub from: Option<NaiveDate>,
    /// Last day shown.
    pub to: Option<NaiveDate>,
    /// Sentences per day at most (default 2).
    pub sentences: Option<usize>,
    /// Keep each day's features in the entry (to explain or to learn weights).
    pub explain: bool,
}

/// What the story stage adds to the chronology.
#[derive(Debug, Clone, PartialEq)]
pub struct Told {
    /// Placed events, in time order.
    pub events: Vec<v2::Event>,
    /// Events kept relative to an open publication date.
    pub unplaced: Vec<Unplaced>,
    /// The timeline, in date order.
    pub timeline: Vec<TimelineEntry>,
    /// Reports of one event that disagree on its date (`event_dates`).
    pub conflicts: Vec<Conflict>,
}

/// The story stage over an ordered corpus. `mentions` are each document's
/// tagged mentions (input order), for the reports of open-anchor articles.
pub fn tell(
    inputs: &[DocInput<'_>],
    mentions: &[Vec<Mention>],
    ordered: &Ordered,
    stories: &Stories,
    opts: &Options,
) -> Told {
    let lex = lexicon::get();
    let mut vocab = Vocab::default();
    // Reports are read in parallel, then their words interned in order.
    let (placed, open) = rayon::join(
        || reports::placed(inputs, &ordered.tellings, &ordered.event_of, lex),
        || {
            inputs
                .par_iter()
                .enumerate()
                .map(|(i, d)| reports::unplaced(d, i, mentions.get(i).map_or(&[][..], Vec::as_slice), lex))
                .collect::<Vec<_>>()
        },
    );
    let mut reps = reports::finish(placed, lex, &mut vocab);
    for drafts in open {
        reps.extend(reports::finish(drafts, lex, &mut vocab));
    }
    let mut per_doc: Vec<Vec<u32>> = vec![Vec::new(); inputs.len()];
    for r in &reps {
        per_doc[r.doc].extend_from_slice(&r.words);
    }
    for w in &mut per_doc {
        w.sort_unstable();
        w.dedup();
    }
    let idf = words::idf(inputs.len(), &per_doc, vocab.len());
    let keys = report_keys(inputs, &reps, &vocab);
    let groups = link::group(&reps, &stories.of_doc, &idf, &vocab);
    let published = Published::new(inputs.iter().map(|d| publication(d)).collect());
    let ctx = Ctx {
        inputs,
        reps: &reps,
        keys: &keys,
        stories,
        published: &published,
        lex,
    };
    let mut events = Vec::new();
    let mut unplaced = Vec::new();
    let mut conflicts = Vec::new();
    let mut event_of_rep = vec![usize::MAX; reps.len()];
    // Events are made in parallel (their headlines read every report), in group order.
    let made: Vec<Option<v2::Event>> = groups
        .par_iter()
        .map(|g| {
            let placed = g.members.iter().any(|&m| reps[m].hull.is_some());
            let dateline = g.members.iter().all(|&m| reps[m].dateline);
            if placed && !dateline {
                ctx.event(g)
            } else {
                None
            }
        })
        .collect();
    for (g, ev) in groups.iter().zip(made) {
        if g.members.iter().all(|&m| reps[m].dateline) {
            continue; // a dateline: evidence of publication, no event
        }
        if g.members.iter().all(|&m| reps[m].hull.is_none()) {
            unplaced.extend(g.members.iter().filter_map(|&m| ctx.unplaced(m)));
            continue;
        }
        let Some(ev) = ev else { continue };
        for &m in &g.members {
            event_of_rep[m] = events.len();
        }
        conflicts.extend(ctx.conflicts(g, &ev));
        events.push(ev);
    }
    let timeline = timeline(&ctx, &events, &event_of_rep, &idf, opts);
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| {
        let (x, y) = (&events[a], &events[b]);
        (x.when.start, x.when.end, &x.id).cmp(&(y.when.start, y.when.end, &y.id))
    });
    let mut slots: Vec<Option<v2::Event>> = events.into_iter().map(Some).collect();
    let events = order.iter().filter_map(|&i| slots[i].take()).collect();
    unplaced.sort_by(|a, b| (&a.doc, a.offset.from, &a.id).cmp(&(&b.doc, b.offset.from, &b.id)));
    Told {
        events,
        unplaced,
        timeline,
        conflicts,
    }
}

/// A document's publication day, when known to the day.
fn publication(d: &DocInput<'_>) -> Option<NaiveDate> {
    match (d.anchor.earliest, d.anchor.latest) {
        (Some(a), Some(b)) if a == b => Some(a),
        _ => d.anchor.best,
    }
}

/// Each report's stable key: its document, the content words of its
/// sentence outside the date, and how many reports of that document came
/// before with the same words.
fn report_keys(inputs: &[DocInput<'_>], reps: &[Rep], vocab: &Vocab) -> Vec<String> {
    // A key depends on its document's reports alone: documents in parallel.
    let mut of_doc: Vec<Vec<usize>> = vec![Vec::new(); inputs.len()];
    for (i, r) in reps.iter().enumerate() {
        if let Some(list) = of_doc.get_mut(r.doc) {
            list.push(i);
        }
    }
    let per_doc: Vec<Vec<(usize, String)>> = of_doc
        .into_par_iter()
        .map(|mut order| {
            order.sort_by_key(|&i| reps[i].span);
            let mut seen: HashMap<&[u32], usize> = HashMap::new();
            order
                .into_iter()
                .map(|i| {
                    let r = &reps[i];
                    let mut ws: Vec<&str> = r.words.iter().map(|&w| vocab.word(w)).collect();
                    ws.sort_unstable();
                    let n = seen.entry(r.words.as_slice()).or_insert(0);
                    let k = n.to_string();
                    *n += 1;
                    let joined = ws.join(" ");
                    let h = fnv1a(&[inputs[r.doc].doc.id.as_bytes(), joined.as_bytes(), k.as_bytes()]);
                    (i, format!("ev-{:012x}", h >> 16))
                })
                .collect()
        })
        .collect();
    let mut keys = vec![String::new(); reps.len()];
    for (i, k) in per_doc.into_iter().flatten() {
        keys[i] = k;
    }
    keys
}

/// What building events needs.
struct Ctx<'a, 'b> {
    inputs: &'a [DocInput<'b>],
    reps: &'a [Rep],
    keys: &'a [String],
    stories: &'a Stories,
    published: &'a Published,
    lex: &'a lexicon::Lexicon,
}

impl Ctx<'_, '_> {
    fn doc_id(&self, r: &Rep) -> &str {
        &self.inputs[r.doc].doc.id
    }

    fn story_id(&self, r: &Rep) -> String {
        let s = self.stories.of_doc.get(r.doc).copied().unwrap_or(0);
        self.stories.list.get(s).map(|s| s.id.clone()).unwrap_or_default()
    }

    fn sentence(&self, r: &Rep) -> Statement {
        let text = &self.inputs[r.doc].doc.text;
        let raw = text.get(r.sentence.clone()).unwrap_or("");
        let lead = raw.len() - raw.trim_start().len();
        let t = raw.trim();
        let start = r.sentence.start + lead;
        Statement {
            doc: self.doc_id(r).to_string(),
            span: [start, start + t.len()],
            text: t.to_string(),
        }
    }

    fn report(&self, r: &Rep) -> Report {
        Report {
            doc: self.doc_id(r).to_string(),
            span: r.span,
            expression: r.expression.clone(),
            value: r.value.clone(),
            kind: r.kind,
            modifier: r.modifier,
            start: r.hull.map(|h| h.0),
            end: r.hull.map(|h| h.1),
            sentence: self.sentence(r),
        }
    }

    /// The members in report order: (document id, span).
    fn sorted(&self, members: &[usize]) -> Vec<usize> {
        let mut m = members.to_vec();
        m.sort_by(|&a, &b| {
            (self.doc_id(&self.reps[a]), self.reps[a].span).cmp(&(self.doc_id(&self.reps[b]), self.reps[b].span))
        });
        m
    }

    /// A short readable headline: the clearest of the reports' sentences
    /// (of a readable length, a lead sentence first, then the one that says most).
    fn what(&self, members: &[usize]) -> String {
        let mut best: Option<((bool, bool, usize), String)> = None;
        for &m in members {
            let r = &self.reps[m];
            let raw = self.inputs[r.doc].doc.text.get(r.sentence.clone()).unwrap_or("");
            let s = clean(raw);
            let n = words::tokens(&s).count();
            let rank = ((6..=WHAT_WORDS).contains(&n), r.lead, n.min(WHAT_WORDS));
            if best.as_ref().is_none_or(|b| rank > b.0) {
                best = Some((rank, s));
            }
        }
        shorten(&best.map(|b| b.1).unwrap_or_default(), WHAT_WORDS)
    }

    fn event(&self, g: &Group) -> Option<v2::Event> {
        let members = self.sorted(&g.members);
        let placed: Vec<usize> = members
            .iter()
            .copied()
            .filter(|&m| self.reps[m].hull.is_some())
            .collect();
        let lead = *placed.first()?;
        let r = &self.reps[lead];
        let hulls: Vec<(NaiveDate, NaiveDate)> = placed.iter().filter_map(|&m| self.reps[m].hull).collect();
        let lo = hulls.iter().map(|h| h.0).max()?;
        let hi = hulls.iter().map(|h| h.1).min()?;
        let all_lo = hulls.iter().map(|h| h.0).min()?;
        let all_hi = hulls.iter().map(|h| h.1).max()?;
        let when = if lo <= hi {
            When {
                start: lo,
                end: hi,
                earliest: (all_lo < lo).then_some(all_lo),
                latest: (all_hi > hi).then_some(all_hi),
            }
        } else {
            let d = self.mode_day(&placed).unwrap_or(all_lo);
            When {
                start: d,
                end: d,
                earliest: Some(all_lo),
                latest: Some(all_hi),
            }
        };
        let value = if when.start == when.end && r.hull != Some((when.start, when.end)) {
            when.start.format("%Y-%m-%d").to_string()
        } else {
            r.value.clone()
        };
        let docs: BTreeSet<usize> = members.iter().map(|&m| self.reps[m].doc).collect();
        let day_reps: Vec<&Rep> = placed.iter().map(|&m| &self.reps[m]).collect();
        let x = salience::features(&day_reps, when.start, usize::from(docs.len() > 1), 0, self.published);
        let pos: BTreeMap<usize, usize> = members.iter().enumerate().map(|(i, &m)| (m, i)).collect();
        let links = g
            .links
            .iter()
            .filter_map(|(a, b, why)| {
                Some(Link {
                    a: *pos.get(a)?,
                    b: *pos.get(b)?,
                    why: why.clone(),
                })
            })
            .collect();
        Some(v2::Event {
            id: self.keys[lead].clone(),
            story: self.story_id(r),
            when,
            what: self.what(&members),
            kind: r.kind,
            value,
            sources: docs.len(),
            salience: salience::round(salience::score(&x, self.lex)),
            reports: members.iter().map(|&m| self.report(&self.reps[m])).collect(),
            links,
            conflicts: Vec::new(),
        })
    }

    /// The day most articles give, when they disagree.
    fn mode_day(&self, members: &[usize]) -> Option<NaiveDate> {
        let mut count: BTreeMap<NaiveDate, BTreeSet<usize>> = BTreeMap::new();
        for &m in members {
            if let Some(d) = self.reps[m].day {
                count.entry(d).or_default().insert(self.reps[m].doc);
            }
        }
        count
            .into_iter()
            .max_by(|a, b| a.1.len().cmp(&b.1.len()).then(b.0.cmp(&a.0)))
            .map(|(d, _)| d)
    }

    fn unplaced(&self, m: usize) -> Option<Unplaced> {
        let r = &self.reps[m];
        let (from, to) = r.offset?;
        Some(Unplaced {
            id: self.keys[m].clone(),
            story: self.story_id(r),
            doc: self.doc_id(r).to_string(),
            what: self.what(&[m]),
            relative: reports::relative(self.doc_id(r), (from, to)),
            offset: Offset { from, to },
            reports: vec![self.report(r)],
        })
    }

    /// `event_dates` conflicts of a group whose reports disagree on the day.
    fn conflicts(&self, g: &Group, ev: &v2::Event) -> Vec<Conflict> {
        g.disagree
            .iter()
            .filter_map(|&(a, b)| {
                let (ra, rb) = (&self.reps[a], &self.reps[b]);
                let (sa, sb) = (self.sentence(ra), self.sentence(rb));
                let (da, db) = (self.doc_id(ra), self.doc_id(rb));
                let h = fnv1a(&[b"event_dates", self.keys[a].as_bytes(), self.keys[b].as_bytes()]);
                Some(Conflict {
                    id: format!("c-{:012x}", h >> 16),
                    kind: "event_dates".into(),
                    docs: vec![da.to_string(), db.to_string()],
                    statements: vec![sa, sb],
                    explanation: format!(
                        "same event across articles: {da} says {}, {db} says {}",
                        ra.day?.format("%B %-d, %Y"),
                        rb.day?.format("%B %-d, %Y")
                    ),
                    events: vec![ev.id.clone()],
                })
            })
            .collect()
    }
}

/// At most `n` words, cut at a word with "…".
fn shorten(s: &str, n: usize) -> String {
    let ws: Vec<&str> = s.split_whitespace().collect();
    if ws.len() <= n {
        return s.to_string();
    }
    format!("{} …", ws[..n].join(" "))
}

/// The N most salient days, in date order.
fn timeline(
    ctx: &Ctx<'_, '_>,
    events: &[v2::Event],
    event_of_rep: &[usize],
    idf: &[f64],
    opts: &Options,
) -> Vec<TimelineEntry> {
    let shown = |d: NaiveDate| !(opts.from.is_some_and(|f| d < f) || opts.to.is_some_and(|t| d > t));
    let mut by_day: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for (i, r) in ctx.reps.iter().enumerate() {
        let Some(d) = r.day else { continue };
        if shown(d) && (event_of_rep[i] != usize::MAX || r.dateline) {
            by_day.entry(d).or_default().push(i);
        }
    }
    let named = named_days(ctx.inputs);
    for d in named.keys() {
        if shown(*d) {
            by_day.entry(*d).or_default();
        }
    }
    // Every day's features, in parallel, in day order.
    let days: Vec<(&NaiveDate, &Vec<usize>)> = by_day.iter().collect();
    let mut scored: Vec<(f64, NaiveDate, [f64; lexicon::N_FEATURES])> = days
        .into_par_iter()
        .map(|(&d, list)| {
            let reps: Vec<&Rep> = list.iter().map(|&i| &ctx.reps[i]).collect();
            let multi = list
                .iter()
                .filter_map(|&i| events.get(event_of_rep[i]))
                .filter(|e| e.sources > 1)
                .map(|e| e.id.as_str())
                .collect::<BTreeSet<&str>>()
                .len();
            let mentions = named.get(&d).map_or(0, BTreeSet::len);
            let x = salience::features(&reps, d, multi, mentions, ctx.published);
            (salience::score(&x, ctx.lex), d, x)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    let n = opts
        .top
        .unwrap_or_else(|| (ctx.inputs.len() / ARTICLES_PER_ENTRY).max(MIN_ENTRIES));
    scored.truncate(n);
    scored.sort_by_key(|s| s.1);
    let k = opts.sentences.unwrap_or(2);
    scored
        .into_par_iter()
        .map(|(sal, d, x)| {
            let list = by_day.get(&d).map_or(&[][..], Vec::as_slice);
            let reps: Vec<&Rep> = list.iter().map(|&i| &ctx.reps[i]).collect();
            let texts: Vec<&str> = reps.iter().map(|r| ctx.inputs[r.doc].doc.text.as_str()).collect();
            let docs: BTreeSet<&str> = reps.iter().map(|r| ctx.doc_id(r)).collect();
            let mut evs: Vec<(usize, &str)> = list
                .iter()
                .filter_map(|&i| events.get(event_of_rep[i]))
                .map(|e| (usize::MAX - e.sources, e.id.as_str()))
                .collect();
            evs.sort_unstable();
            evs.dedup();
            TimelineEntry {
                date: d,
                sentences: salience::sentences(&reps, &texts, idf, (k, d, ctx.published), ctx.lex),
                salience: salience::round(sal),
                events: evs.into_iter().map(|(_, id)| id.to_string()).collect(),
                docs: docs.iter().map(|s| s.to_string()).collect(),
                sources: docs.len(),
                features: opts.explain.then(|| salience::named(&x)),
            }
        })
        .collect()
}

/// The articles that name each day anywhere on the page (a day-level date
/// or time, headlines, datelines and stamps too).
fn named_days(inputs: &[DocInput<'_>]) -> BTreeMap<NaiveDate, BTreeSet<usize>> {
    let mut out: BTreeMap<NaiveDate, BTreeSet<usize>> = BTreeMap::new();
    for (i, d) in inputs.iter().enumerate() {
        for r in d.resolved {
            if let (Some(a), Some(b)) = (r.timex.from, r.timex.to) {
                if a == b && !r.timex.ambiguous && crate::order::events::is_event(r) {
                    out.entry(a).or_default().insert(i);
                }
            }
        }
    }
    out
}

/// The chronology, version 2: the order stage's anchors and conflicts, the
/// story stage's events, unplaced events, timeline and conflicts.
pub fn chronology(ordered: &Ordered, told: Told, stories: &Stories) -> v2::Chronology {
    let mut conflicts = ordered.chronology.conflicts.clone();
    conflicts.extend(told.conflicts);
    let mut events = told.events;
    let mut index: BTreeMap<String, usize> = BTreeMap::new();
    for (i, e) in events.iter().enumerate() {
        index.insert(e.id.clone(), i);
    }
    for c in &conflicts {
        for id in &c.events {
            if let Some(&i) = index.get(id) {
                if !events[i].conflicts.contains(&c.id) {
                    events[i].conflicts.push(c.id.clone());
                }
            }
        }
    }
    let story_of: BTreeMap<&str, &str> = stories
        .list
        .iter()
        .flat_map(|s| s.docs.iter().map(move |d| (d.as_str(), s.id.as_str())))
        .collect();
    let anchors = ordered
        .chronology
        .anchors
        .iter()
        .map(|a| v2::AnchorSummary::from_v1(a, story_of.get(a.doc.as_str()).map(|s| s.to_string())))
        .collect();
    v2::Chronology {
        version: v2::VERSION,
        stories: stories.list.clone(),
        anchors,
        events,
        unplaced: told.unplaced,
        timeline: told.timeline,
        conflicts,
    }
}
