//! Per-document working state of the inference: the evidence gathered so
//! far and the constraints it sets.

use std::collections::HashSet;
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
