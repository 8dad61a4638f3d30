//! Per-document working state of the inference: the evidence gathered so
//! far and the constraints it sets.

use std::collections::{BTreeMap, HashSet};
use std::ops::Range;

use super::days::{Allowed, Day};
use super::model::{Cue, Kind, SetShape, Shape};
use super::{Evidence, Strength};
use crate::ingest::Document;
use crate::resolve::Tense;

/// One constraint with the evidence it came from.
#[derive(Debug, Clone)]
pub(super) struct Constraint {
    pub(super) allowed: Allowed,
    pub(super) evidence: usize,
    /// Firm enough to report a pin it excludes: a stated day, a stamp, a
    /// retrieval date. Year-less windows, bare years, links and durations
    /// rest on a reading of tense or wording and only narrow an unknown date.
    pub(super) checks_pin: bool,
}

/// Per-document working state.
#[derive(Clone)]
pub(super) struct Work {
    pub(super) evidence: Vec<Evidence>,
    pub(super) constraints: Vec<(Strength, Constraint)>,
    pub(super) years_seen: bool,
    /// Year-less days given a year by another telling, with their tense.
    pub(super) linked: Vec<(Day, Tense)>,
    /// The last day of the latest date the body states with its year.
    pub(super) dated_body_max: Option<Day>,
    /// The cues the model combines (issue 13), each naming its evidence.
    pub(super) cues: Vec<Cue>,
    /// The cues said so far: one said again (the same year in passing
    /// five times, a weekday twice) is evidence already counted.
    said: HashSet<(Kind, Shape)>,
    /// Bare years, each counted once whatever its tellings (issue 13): the
    /// year, the kind its tellings give it, its evidence entry, its days.
    years: BTreeMap<i32, (Kind, usize, Day, Day)>,
    /// The starts of the mentions told as ahead (`year_ahead`): neither the
    /// latest year told nor the year mentioned most.
    pub(super) ahead: HashSet<usize>,
}

/// Of the kinds one bare year's tellings give it, the one it keeps: told
/// ahead anywhere, it is ahead (a future year read as past is the commoner
/// error); else told in the past, then stated without tense, then in passing.
fn year_rank(k: Kind) -> u8 {
    match k {
        Kind::YearAhead => 4,
        Kind::YearPast => 3,
        Kind::Told => 2,
        _ => 1,
    }
}

impl Work {
    pub(super) fn new() -> Work {
        Work {
            evidence: Vec::new(),
            constraints: Vec::new(),
            years_seen: false,
            linked: Vec::new(),
            dated_body_max: None,
            cues: Vec::new(),
            said: HashSet::new(),
            years: BTreeMap::new(),
            ahead: HashSet::new(),
        }
    }

    /// Push an evidence entry that is a bare year's cue of `kind` on
    /// `from..=to`: one calendar year is counted once, with the kind of its
    /// strongest telling (`year_rank`), when [`Work::finish_years`] runs; a
    /// decade is a span cue at once.
    pub(super) fn year(&mut self, ev: Evidence, kind: Kind, days: (Day, Day), year: Option<i32>) {
        self.evidence.push(ev);
        self.year_last(kind, days, year);
    }

    /// The last evidence entry is a bare year's cue ([`Work::year`]).
    pub(super) fn year_last(&mut self, kind: Kind, (from, to): (Day, Day), year: Option<i32>) {
        let Some(at) = self.evidence.len().checked_sub(1) else {
            return;
        };
        let Some(y) = year else {
            self.cue(kind, Shape::Span(from, to));
            return;
        };
        match self.years.get_mut(&y) {
            Some(e) if year_rank(kind) > year_rank(e.0) => *e = (kind, at, from, to),
            Some(_) => {}
            None => {
                self.years.insert(y, (kind, at, from, to));
            }
        }
    }

    /// The bare years' cues, each year once: the latest year told (`latest`,
    /// with its evidence entry) and the year mentioned most (`top`) take
    /// the place of that year's own cue rather than adding to it (one
    /// telling is not three pieces of evidence); a year told ahead stays
    /// ahead. A latest or top year told only in dates of a day or month is
    /// a cue of its own.
    pub(super) fn finish_years(&mut self, latest: Option<(i32, usize, Day, Day)>, top: Option<(i32, usize, Day, Day)>) {
        let mut years = std::mem::take(&mut self.years);
        for (role, found) in [(Kind::LatestYear, latest), (Kind::TopYear, top)] {
            let Some((y, ev, from, to)) = found else { continue };
            match years.get_mut(&y) {
                Some(e) if e.0 == Kind::YearAhead || matches!(e.0, Kind::LatestYear | Kind::TopYear) => {}
                Some(e) => *e = (role, ev, from, to),
                None => {
                    years.insert(y, (role, ev, from, to));
                }
            }
        }
        for (kind, evidence, from, to) in years.into_values() {
            if self.said.insert((kind, Shape::Span(from, to))) {
                self.cues.push(Cue {
                    kind,
                    shape: Shape::Span(from, to),
                    evidence,
                });
            }
        }
    }

    /// The last evidence entry is a cue of `kind` saying `shape`, unless a
    /// cue of that kind said it already (the entry stays as evidence).
    pub(super) fn cue(&mut self, kind: Kind, shape: Shape) {
        if !self.said.insert((kind, shape.clone())) {
            return;
        }
        if let Some(evidence) = self.evidence.len().checked_sub(1) {
            self.cues.push(Cue { kind, shape, evidence });
        }
    }

    /// The last evidence entry is a set cue of `kind`.
    pub(super) fn set_cue(&mut self, kind: Kind, allowed: &Allowed) {
        self.cue(kind, Shape::Set(SetShape(allowed.clone())));
    }

    /// Push an evidence entry that is a span cue of `kind` on `from..=to`.
    pub(super) fn span(&mut self, ev: Evidence, kind: Kind, from: Day, to: Day) {
        self.evidence.push(ev);
        self.cue(kind, Shape::Span(from, to));
    }

    /// The body states a date with its year ending on `to`.
    pub(super) fn saw_dated(&mut self, to: Day) {
        self.dated_body_max = Some(self.dated_body_max.map_or(to, |m| m.max(to)));
    }

    pub(super) fn add(&mut self, ev: Evidence, allowed: Option<Allowed>) {
        self.add_checked(ev, allowed, true);
    }

    /// A constraint that narrows an unknown date but does not contradict a pin.
    pub(super) fn add_soft(&mut self, ev: Evidence, allowed: Option<Allowed>) {
        self.add_checked(ev, allowed, false);
    }

    pub(super) fn add_checked(&mut self, ev: Evidence, allowed: Option<Allowed>, checks_pin: bool) {
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

pub(super) fn evidence(doc: &Document, span: Range<usize>, implies: String, strength: Strength) -> Evidence {
    Evidence {
        text: doc.text.get(span.clone()).unwrap_or("").to_string(),
        span: [span.start, span.end],
        implies,
        strength,
        earliest: None,
        latest: None,
        kind: None,
        moved: None,
    }
}
