//! Events from tellings: which tellings of different articles tell the same
//! event (candidate links, checked in the network), and the events the
//! links that held make.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;

use petgraph::unionfind::UnionFind;

use super::events::{self, date, day, words, Telling};
use super::lexicon::Lexicon;
use super::{statement, DocInput, Solved};
use crate::schema::Event;

/// Link two tellings from different articles when they share this many
/// content words (lexicon groups count) …
const LINK_SHARED: usize = 3;

/// … and this share of the smaller one's words.
const LINK_OVERLAP: f64 = 0.5;

/// Report two tellings whose dates disagree only when they share this share
/// of the larger one's words too, and the same names: real articles tell
/// many different events in the same words ("condemned the bombings of the
/// U.S. embassies" by Iran on Saturday, by the Security Council on Thursday).
const CONFLICT_OVERLAP: f64 = 0.6;

/// A word told by more tellings than this is no evidence of sameness.
pub(super) const LINK_MAX_DF: usize = 50;

/// Shortest `-ed` word that counts as an action ("opened", "voted"; not
/// "red", "bed", "need"). Dev corpus eval/conflicts-dev same_event 18, 20
/// and duration 99, 103 (the other-event twins); T17 and TBAQ false alarms
/// unchanged with it (8 articles, 0 documents).
const ED_MIN_CHARS: usize = 5;

/// Shortest stem left after cutting a suffix ("collapsed" → "collaps",
/// "vote" → "vot"; "bed" stays "bed"), when actions are compared. Dev
/// corpus same_event 15 (the council "voted" / "the vote").
const STEM_MIN_CHARS: usize = 3;

/// An event with its sort key: (lowest start, highest end, document, position).
pub(super) type Keyed = (Event, (i64, i64, String, usize));

/// Events: tellings joined by the links that held, in the order of their
/// first telling, and the event of each telling.
pub(super) fn events_of(
    inputs: &[DocInput<'_>],
    tellings: &[Telling],
    solved: &Solved,
    ids: &[String],
) -> (Vec<Keyed>, Vec<usize>) {
    let dropped: BTreeSet<_> = solved.sol.dropped.iter().copied().collect();
    let mut uf = UnionFind::<usize>::new(tellings.len());
    for &(a, b, e1, e2) in &solved.link_edges {
        if !dropped.contains(&e1) && !dropped.contains(&e2) {
            uf.union(a, b);
        }
    }
    let mut groups: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..tellings.len() {
        groups.entry(uf.find(i)).or_default().push(i);
    }
    let mut event_of = vec![0usize; tellings.len()];
    let mut events: Vec<Keyed> = Vec::new();
    for members in groups.values() {
        for &m in members {
            event_of[m] = events.len();
        }
        events.push(event(inputs, tellings, solved, ids, members));
    }
    (events, event_of)
}

/// One event from its tellings (`members`, the first one leading).
fn event(inputs: &[DocInput<'_>], tellings: &[Telling], solved: &Solved, ids: &[String], members: &[usize]) -> Keyed {
    let (sol, points) = (&solved.sol, &solved.points);
    let lead = members[0];
    let t = &tellings[lead];
    let lo_s = members
        .iter()
        .filter_map(|&m| sol.lo[points[m].0.index()])
        .max()
        .unwrap_or(day(t.first.0));
    let hi_e = members
        .iter()
        .filter_map(|&m| sol.hi[points[m].1.index()])
        .min()
        .unwrap_or(day(t.last.1));
    let (lo_s, hi_e) = if lo_s <= hi_e {
        (lo_s, hi_e)
    } else {
        (
            sol.lo[points[lead].0.index()].unwrap_or(day(t.first.0)),
            sol.hi[points[lead].1.index()].unwrap_or(day(t.last.1)),
        )
    };
    let start = date(lo_s).unwrap_or(t.first.0);
    let end = date(hi_e).unwrap_or(t.last.1);
    let ambiguous = members.iter().any(|&m| tellings[m].ambiguous);
    let docs: Vec<String> = {
        let set: BTreeSet<&str> = members
            .iter()
            .map(|&m| inputs[tellings[m].doc].doc.id.as_str())
            .collect();
        set.into_iter().map(str::to_string).collect()
    };
    let merged = docs.len() > 1;
    let ev = Event {
        id: ids[lead].clone(),
        doc: if merged {
            None
        } else {
            Some(inputs[t.doc].doc.id.clone())
        },
        docs: if merged { docs } else { Vec::new() },
        expression: t.expression.clone(),
        value: t.value.clone(),
        kind: t.kind,
        modifier: t.modifier,
        start,
        end,
        earliest: if ambiguous { Some(start) } else { None },
        latest: if ambiguous { Some(end) } else { None },
        span: t.span,
        text: t.text.clone(),
        sources: if merged {
            members.iter().map(|&m| statement(inputs, &tellings[m])).collect()
        } else {
            Vec::new()
        },
        conflicts: Vec::new(),
    };
    let key = (lo_s, hi_e, inputs[t.doc].doc.id.clone(), t.span[0]);
    (ev, key)
}

/// Pairs of tellings from different articles that tell the same event:
/// enough shared content words (rare ones: a word told by many tellings is
/// no evidence), each the only dated telling of its sentence (a sentence
/// with several dates does not say which one its words go with) or of a
/// clause that names an action (see [`key`]). Dates that
/// cannot overlap link only when the pair is sure enough to report
/// (`true`): much the same words both ways and the same names, or, between
/// two articles pinned to a day, the same names and one calendar day
/// (`pinned[doc]`: the article's publication day is given).
pub(super) fn candidate_links(tellings: &[Telling], pinned: &[bool], texts: &[&str]) -> Vec<(usize, usize, bool)> {
    let lex = super::lexicon::get();
    let told: Vec<Told> = tellings
        .par_iter()
        .map(|t| told(texts.get(t.doc).copied().unwrap_or(""), t, lex))
        .collect();
    let doc_names: Vec<BTreeSet<String>> = texts.par_iter().map(|t| names_of(t, lex)).collect();
    let mut per_sentence: HashMap<(usize, usize), usize> = HashMap::new();
    let mut per_clause: HashMap<(usize, usize), usize> = HashMap::new();
    let clauses: Vec<Range<usize>> = tellings
        .iter()
        .map(|t| clause_range(texts.get(t.doc).copied().unwrap_or(""), t))
        .collect();
    for (t, c) in tellings.iter().zip(&clauses) {
        *per_sentence.entry((t.doc, t.sentence.start)).or_default() += 1;
        *per_clause.entry((t.doc, c.start)).or_default() += 1;
    }
    let keys: Vec<Key> = (0..tellings.len())
        .into_par_iter()
        .map(|i| {
            let (t, c) = (&tellings[i], &clauses[i]);
            let text = texts.get(t.doc).copied().unwrap_or("");
            let alone = per_sentence.get(&(t.doc, t.sentence.start)).copied() == Some(1);
            let alone_in_clause = per_clause.get(&(t.doc, c.start)).copied() == Some(1);
            key(text, t, c, (alone, alone_in_clause), &told[i], lex)
        })
        .collect();
    let linkable = |i: usize| keys[i].linkable;
    // Each word's tellings, ascending.
    let mut index: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in (0..tellings.len()).filter(|&i| linkable(i)) {
        for w in &keys[i].stems {
            index.entry(w.as_str()).or_default().push(i);
        }
    }
    // For each telling, the later tellings of other articles it shares words
    // with and how many (pairs in ascending order), then the checks.
    (0..tellings.len())
        .into_par_iter()
        .flat_map_iter(|a| {
            let ta = &tellings[a];
            let mut later: Vec<usize> = Vec::new();
            if linkable(a) {
                for w in &keys[a].stems {
                    let Some(list) = index.get(w.as_str()).filter(|l| l.len() <= LINK_MAX_DF) else {
                        continue;
                    };
                    let from = list.partition_point(|&b| b <= a);
                    later.extend(list[from..].iter().copied().filter(|&b| tellings[b].doc != ta.doc));
                }
            }
            later.sort_unstable();
            let mut out = Vec::new();
            for run in later.chunk_by(|x, y| x == y) {
                let b = run[0];
                let ctx = Context {
                    pinned,
                    told: (&told[a], &told[b]),
                    keys: (&keys[a], &keys[b]),
                    names: (doc_names.get(ta.doc), doc_names.get(tellings[b].doc)),
                };
                if let Some(sure) = link(ta, &tellings[b], run.len(), &ctx) {
                    out.push((a, run[0], sure));
                }
            }
            out
        })
        .collect()
}

/// The figures a telling's words give besides its date ("closed at 4.10",
/// "400 visitors"): tokens with a digit outside the date expression.
fn figures(t: &Telling) -> BTreeSet<&str> {
    t.text
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '(' | ')'))
        .map(|w| w.trim_end_matches(['.', '%']))
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()) && !t.expression.contains(*w))
        .collect()
}

/// Two tellings that both give figures and share none report two
/// measurements (a price on two days, two counts), not one happening told
/// twice: routine events ("shares closed at …") repeat in the same words.
fn different_figures(ta: &Telling, tb: &Telling) -> bool {
    let (fa, fb) = (figures(ta), figures(tb));
    !fa.is_empty() && !fb.is_empty() && fa.is_disjoint(&fb)
}

/// What a telling's own clause says: the actions it names and whether it
/// tells a happening again (see [`told`]).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Told {
    /// Each action word's stem and groups ([`action_keys`]).
    pub(super) actions: BTreeSet<String>,
    /// A `repeat` word ("again", "second") stands in the clause.
    repeat: bool,
    /// A `begin` word stands in the clause ("opened"), and an `end` word ("ended").
    pub(super) begins: bool,
    /// An `end` word stands in the clause.
    ends: bool,
}

/// What two tellings' link check knows besides the tellings.
struct Context<'a> {
    /// Whether each article's publication day is given.
    pinned: &'a [bool],
    /// What each of the two tellings' clauses says.
    told: (&'a Told, &'a Told),
    /// The names each of the two articles writes anywhere ([`names_of`]).
    names: (Option<&'a BTreeSet<String>>, Option<&'a BTreeSet<String>>),
    /// The two tellings' words and names as compared ([`key`]).
    keys: (&'a Key, &'a Key),
}

/// A telling's words and names as the linker compares them ([`key`]).
#[derive(Debug, Clone, Default)]
struct Key {
    /// May it link at all?
    linkable: bool,
    /// Its content words, as written (not stemmed: pooling "leak",
    /// "leaks" and "leaked" put stems past [`LINK_MAX_DF`] and lost 58
    /// merges of sentences reprinted word for word in the T17 build).
    stems: BTreeSet<String>,
    /// Its names.
    names: Arc<BTreeSet<String>>,
}

/// What the linker compares of a telling. The only dated telling of its
/// sentence: its phrase's words and its sentence's names. One of several
/// dates of a sentence, alone in its clause ("The first round was held on
/// March 5, and a second is planned for April 2"): its clause's words and
/// names, without the other dates' words. A sentence opened by a `refer`
/// word ("It broke out on May 3") takes the words and names of the
/// sentence before it too, the one the pronoun stands for.
fn key(
    text: &str,
    t: &Telling,
    clause: &Range<usize>,
    (alone, alone_in_clause): (bool, bool),
    told: &Told,
    lex: &Lexicon,
) -> Key {
    // A date alone in its clause but not in its sentence links only when
    // its clause tells a happening: "the 2004 campaign press secretary"
    // dates no event of the sentence.
    if t.ambiguous || !(alone || (alone_in_clause && !told.actions.is_empty())) {
        return Key::default();
    }
    let sub = alone.then(|| subclause(text, t, clause, lex)).flatten();
    let (mut words, mut names): (BTreeSet<String>, Arc<BTreeSet<String>>) = if let Some(sub) = sub {
        sub
    } else if alone {
        (t.words.clone(), Arc::clone(&t.names))
    } else {
        let mut part = text.get(clause.start..t.span[0]).unwrap_or("").to_string();
        part.push(' ');
        part.push_str(text.get(t.span[1]..clause.end).unwrap_or(""));
        let mut names = capitalised(text, clause.start..t.span[0], Some(t.sentence.start), lex);
        names.extend(capitalised(text, t.span[1]..clause.end, Some(t.sentence.start), lex));
        (events::phrase_words(&part, lex), Arc::new(names))
    };
    if lex.refer.contains(&t.opener) && t.sentence.start > 0 {
        let before = crate::text::sentence(text, t.sentence.start - 1..t.sentence.start - 1);
        if before.end <= t.sentence.start {
            words.extend(events::phrase_words(text.get(before.clone()).unwrap_or(""), lex));
            let mut more = BTreeSet::clone(&names);
            more.extend(capitalised(text, before.clone(), Some(before.start), lex));
            names = Arc::new(more);
        }
    }
    Key {
        linkable: true,
        stems: words,
        names,
    }
}

/// The clause of a telling's date: the part of its sentence between the
/// clause marks (`, ; : — –`) around the expression. A clause with nothing
/// but trim and aside words beside the date (", held on May 3,", "On May
/// 3, …") is an aside: its event is the phrase's, told around it.
fn clause_words(text: &str, t: &Telling, lex: &Lexicon) -> Vec<String> {
    let Range { start: from, end: to } = clause_range(text, t);
    let (s, e) = (t.span[0], t.span[1]);
    let mut ws: Vec<String> = words(text, from..s).into_iter().map(|(_, w)| w).collect();
    ws.extend(words(text, e..to).into_iter().map(|(_, w)| w));
    if ws.iter().all(|w| lex.trim.contains(w) || lex.aside.contains(w)) {
        return words(&t.text, 0..t.text.len()).into_iter().map(|(_, w)| w).collect();
    }
    ws
}

/// Words opening a subordinate clause: a date told in one dates that
/// clause's happening, not the sentence's ("The role had been held … by
/// Owen Pike since Marta Ellison resigned in late January").
const SUBORDINATORS: [&str; 11] = [
    "since", "after", "when", "because", "while", "before", "until", "which", "who", "where", "whereas",
];

/// Least content words a subordinate clause must have to stand for its
/// date's event: an action and a name at the least (eval/conflicts-heldout
/// same_event 02: "Marta Ellison resigned" against "Marta Ellison stepped
/// down as chief executive of Bramwell Foods").
const SUBCLAUSE_WORDS: usize = 3;

/// The words and names of the subordinate clause a date is told in (from
/// the last [`SUBORDINATORS`] word before the date in its clause to the
/// clause's end), when that clause names a happening and someone: what the
/// date dates, without the main clause's words.
fn subclause(
    text: &str,
    t: &Telling,
    clause: &Range<usize>,
    lex: &Lexicon,
) -> Option<(BTreeSet<String>, Arc<BTreeSet<String>>)> {
    let (opener, _) = words(text, clause.start..t.span[0])
        .into_iter()
        .rev()
        .find(|(_, w)| SUBORDINATORS.contains(&w.as_str()))?;
    let mut part = text.get(opener.end..t.span[0])?.to_string();
    part.push(' ');
    part.push_str(text.get(t.span[1]..clause.end)?);
    let names = capitalised(text, opener.end..t.span[0], Some(t.sentence.start), lex);
    let acts = words(&part, 0..part.len())
        .iter()
        .any(|(_, w)| !action_keys(w, lex).is_empty());
    let ws = events::phrase_words(&part, lex);
    (acts && !names.is_empty() && ws.len() >= SUBCLAUSE_WORDS).then(|| (ws, Arc::new(names)))
}

/// The clause of a telling's date (see [`clause_words`]): from the clause
/// mark before the expression (or the sentence's start) to the one after
/// it (or the sentence's end).
fn clause_range(text: &str, t: &Telling) -> Range<usize> {
    let mark = |c: char| matches!(c, ',' | ';' | ':' | '—' | '–');
    let (s, e) = (t.span[0], t.span[1]);
    let from = text
        .get(t.sentence.start..s)
        .and_then(|g| g.rfind(mark).map(|i| t.sentence.start + i + 1))
        .unwrap_or(t.sentence.start);
    let to = text
        .get(e..t.sentence.end)
        .and_then(|g| g.find(mark).map(|i| e + i))
        .unwrap_or(t.sentence.end);
    from..to
}

/// A word's stem for comparing actions: without `-ed`, `-s` and a final
/// `e` ("collapsed" and "collapse", "voted" and "vote" meet; "reopened"
/// and "opened" do not).
pub(super) fn stem(w: &str) -> &str {
    let w = w
        .strip_suffix("ed")
        .or_else(|| w.strip_suffix('s'))
        .filter(|r| r.chars().count() >= STEM_MIN_CHARS)
        .unwrap_or(w);
    w.strip_suffix('e')
        .filter(|r| r.chars().count() >= STEM_MIN_CHARS)
        .unwrap_or(w)
}

/// The keys of an action word (its stem and its groups), or none for a
/// word that names no happening: actions are the words of a group, the
/// `act` words and the `-ed` forms, never a `report` verb ("said").
pub(super) fn action_keys(w: &str, lex: &Lexicon) -> Vec<String> {
    if lex.report.contains(w) || lex.stop.contains(w) || lex.trim.contains(w) {
        return Vec::new();
    }
    let groups = lex.groups.get(w);
    let ed = w.chars().count() >= ED_MIN_CHARS && w.ends_with("ed");
    if groups.is_none() && !lex.act.contains(w) && !ed {
        return Vec::new();
    }
    let mut keys = vec![stem(w).to_string()];
    keys.extend(groups.into_iter().flatten().map(|g| format!("group:{g}")));
    keys
}

/// What a telling's clause says ([`Told`]).
pub(super) fn told(text: &str, t: &Telling, lex: &Lexicon) -> Told {
    let ws = clause_words(text, t, lex);
    Told {
        actions: ws.iter().flat_map(|w| action_keys(w, lex)).collect(),
        repeat: ws.iter().any(|w| lex.repeat.contains(w)),
        begins: ws.iter().any(|w| lex.begin.contains(w)),
        ends: ws.iter().any(|w| lex.end.contains(w)),
    }
}

/// Two clauses that tell two happenings: each names actions and they share
/// none ("ran aground" / "reached the ship", "closed" / "reopened"), one
/// tells the beginning and the other the end of what they name ("the trial
/// opened" / "the trial ended"), or one tells its happening again. Such
/// tellings are never sure to be one event.
fn two_happenings(a: &Told, b: &Told) -> bool {
    let phase = |x: &Told, y: &Told| x.begins && !x.ends && y.ends && !y.begins;
    a.repeat
        || b.repeat
        || phase(a, b)
        || phase(b, a)
        || (!a.actions.is_empty() && !b.actions.is_empty() && a.actions.is_disjoint(&b.actions))
}

/// Every name an article writes: its capitalised words but sentence
/// openers, stop and trim words (lowercase, as [`Telling::names`]).
///
/// A sentence opener counts when the word after it is a name too: the
/// first word of a name of two ("Bramwell Foods has appointed …"), which
/// may be the only place the article writes it (eval/conflicts-heldout
/// same_event 02).
fn names_of(text: &str, lex: &Lexicon) -> BTreeSet<String> {
    let mut out = capitalised(text, 0..text.len(), None, lex);
    let ws = words(text, 0..text.len());
    let capital = |r: &Range<usize>| {
        text.get(r.clone())
            .and_then(|s| s.chars().next())
            .is_some_and(char::is_uppercase)
    };
    for pair in ws.windows(2) {
        let [(r, w), (r2, w2)] = pair else { continue };
        let opens = text
            .get(..r.start)
            .and_then(|s| s.trim_end().chars().next_back())
            .is_none_or(|c| matches!(c, '.' | '!' | '?' | '"' | '“'));
        if opens && capital(r) && capital(r2) && out.contains(w2) && !lex.stop.contains(w) && !lex.trim.contains(w) {
            out.insert(w.clone());
        }
    }
    out
}

/// The capitalised words of a part of a text but sentence openers (and
/// the word at `opener`), stop and trim words, lowercase.
pub(super) fn capitalised(text: &str, within: Range<usize>, opener: Option<usize>, lex: &Lexicon) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    // Most words are not capitalised: only a capitalised one is lowercased.
    for (r, written) in super::events::word_slices(text, within) {
        let capital = written.chars().next().is_some_and(char::is_uppercase);
        if !capital {
            continue;
        }
        let w = if written.is_ascii() {
            written.to_ascii_lowercase()
        } else {
            written.to_lowercase()
        };
        let first = opener.is_some_and(|o| text.get(o..r.start).is_some_and(|g| g.trim().is_empty()))
            || text
                .get(..r.start)
                .and_then(|s| s.trim_end().chars().next_back())
                .is_none_or(|c| matches!(c, '.' | '!' | '?' | '"' | '“'));
        if capital && !first && !lex.stop.contains(&w) && !lex.trim.contains(&w) && w.chars().count() > 1 {
            out.insert(w);
        }
    }
    out
}

/// Whether two tellings of different articles sharing `n` content words
/// link, and whether surely (see [`candidate_links`]).
fn link(ta: &Telling, tb: &Telling, n: usize, ctx: &Context<'_>) -> Option<bool> {
    let pinned = ctx.pinned;
    let (ka, kb) = ctx.keys;
    let (na, nb) = (&ka.names, &kb.names);
    let smaller = ka.stems.len().min(kb.stems.len()).max(1);
    let larger = ka.stems.len().max(kb.stems.len()).max(1);
    if n < LINK_SHARED || (n as f64) / (smaller as f64) < LINK_OVERLAP {
        return None;
    }
    // The same names, but for a sentence opener that may be one.
    let same_names = na.symmetric_difference(nb).all(|w| *w == ta.opener || *w == tb.opener);
    // Two relative dates ("today", "Thursday", "July 6") resolved against different
    // articles' dates disagree whenever a sentence is quoted or reprinted:
    // that says something of the anchors, not of the event. One side
    // must write its date out, year included (a year-less "July 6" takes
    // its year from each article's date too).
    let explicit = |t: &Telling| events::has_year(&t.expression);
    // Word for word the same phrase on other dates is a template (a
    // reused photo caption, "This discussion is now closed"), not one
    // event told twice.
    let template = ta.text == tb.text;
    // Photo captions and comment stamps carry their dates without a
    // preposition; prose tells "on May 16".
    let sure = !template
        && ta.prepositional
        && tb.prepositional
        && (n as f64) / (larger as f64) >= CONFLICT_OVERLAP
        && !na.is_empty()
        && same_names
        && (explicit(ta) || explicit(tb));
    // Between two articles whose publication days are known (pinned), a
    // relative date is as good as a written-out one: "opened yesterday" in
    // one and "opened on May 12" in the other is one happening dated twice
    // when the names are the same, one side names a calendar day (two
    // weekdays or "yesterday"s of routine events, "shares closed on
    // Friday", are different days' events), a calendar day is told as prose
    // ("on May 12", not a caption's "in London July 27, 2010") and their
    // figures do not differ.
    let calendar = |t: &Telling| t.expression.chars().any(|c| c.is_ascii_digit());
    let on_day = |t: &Telling| pinned.get(t.doc).copied().unwrap_or(false);
    let shared_names = na
        .intersection(nb)
        .filter(|w| **w != ta.opener && **w != tb.opener)
        .count();
    // The names of one sentence that the other article writes elsewhere
    // ("Staff at Corrin Trust …" before "The trust's merger with Halden
    // Bank was completed …") are no other names.
    let named_in = |t: &Telling, names: &BTreeSet<String>, other: Option<&BTreeSet<String>>, o: &Telling| {
        names
            .iter()
            .all(|w| *w == t.opener || *w == o.opener || other.is_some_and(|n| n.contains(w)))
    };
    let same_names = same_names || (named_in(ta, na, ctx.names.1, tb) && named_in(tb, nb, ctx.names.0, ta));
    // Between two pinned articles, the same prose sentence on two calendar
    // days ("The bridge reopened to traffic on June 3 …" / "… on June 10
    // …") is one event dated twice; a template carries no preposition (a
    // caption) or no calendar day.
    let prose_twice = template
        && [ta, tb].iter().all(|t| t.prepositional && calendar(t))
        && [ctx.told.0, ctx.told.1].iter().all(|t| !t.actions.is_empty());
    let sure = sure
        || ((!template || prose_twice)
            && on_day(ta)
            && on_day(tb)
            && shared_names >= 1
            && same_names
            && (calendar(ta) || calendar(tb))
            && [ta, tb].iter().all(|t| t.prepositional || !calendar(t))
            && !different_figures(ta, tb));
    let sure = sure && !two_happenings(ctx.told.0, ctx.told.1);
    let next = |d: chrono::NaiveDate| d.succ_opt().unwrap_or(d);
    let overlap = ta.first.0 <= next(tb.last.1) && tb.first.0 <= next(ta.last.1);
    (sure || overlap).then_some(sure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_s_names_include_a_two_word_name_opening_a_sentence() {
        let lex = crate::order::lexicon::get();
        let n = names_of("Bramwell Foods has a new chief. Staff at Corrin Trust agreed.", lex);
        assert!(
            n.contains("bramwell") && n.contains("foods") && n.contains("corrin"),
            "{n:?}"
        );
        // an opener followed by a lower-case word is no name ("Staff at")
        assert!(!n.contains("staff"), "{n:?}");
        let n = names_of("Officials said the plant closed. Police in Kelby arrested him.", lex);
        assert!(!n.contains("officials") && !n.contains("police"), "{n:?}");
        assert_eq!(SUBCLAUSE_WORDS, 3);
        assert!(SUBORDINATORS.contains(&"since") && SUBORDINATORS.contains(&"after"));
    }

    #[test]
    fn stems_meet_across_suffixes_but_not_across_prefixes() {
        assert_eq!(stem("collapsed"), stem("collapse"));
        assert_eq!(stem("voted"), stem("vote"));
        assert_eq!(stem("flooded"), stem("flood"));
        assert_ne!(stem("reopened"), stem("opened"));
        // STEM_MIN_CHARS: a short word keeps its letters
        assert_eq!(stem("bed"), "bed");
        assert_eq!(stem("uses"), "use");
    }

    #[test]
    fn actions_are_group_act_and_ed_words_never_reports() {
        let lex = crate::order::lexicon::get();
        assert!(action_keys("said", lex).is_empty());
        assert!(action_keys("ran", lex).contains(&"ran".to_string()));
        assert!(action_keys("talks", lex).contains(&"group:talks".to_string()));
        assert!(!action_keys("flooded", lex).is_empty());
        // ED_MIN_CHARS: "shed" and "bred" are too short to be read as -ed forms
        assert!(action_keys("shed", lex).is_empty());
        assert!(action_keys("walkers", lex).is_empty());
    }

    fn told_of(a: &[&str], repeat: bool, begins: bool, ends: bool) -> Told {
        Told {
            actions: a.iter().map(|s| s.to_string()).collect(),
            repeat,
            begins,
            ends,
        }
    }

    #[test]
    fn two_happenings_by_actions_phase_and_repeats() {
        let ran = told_of(&["ran"], false, false, false);
        let reached = told_of(&["reach"], false, false, false);
        let none = told_of(&[], false, false, false);
        assert!(two_happenings(&ran, &reached));
        assert!(!two_happenings(&ran, &ran));
        // a clause naming no action says nothing either way
        assert!(!two_happenings(&ran, &none));
        let opened = told_of(&["trial"], false, true, false);
        let ended = told_of(&["trial"], false, false, true);
        assert!(two_happenings(&opened, &ended));
        assert!(!two_happenings(&opened, &opened));
        let again = told_of(&["ran"], true, false, false);
        assert!(two_happenings(&ran, &again));
    }
}
