//! Anchors: each document's publication date, inferred from the text as an
//! interval with its evidence, or pinned by a person (issue 3).
//!
//! All evidence is used together as constraints on the unknown day (see
//! [`infer`]); a person's pin (`anchors.yaml`, [`pins`]) wins, and text that
//! contradicts it is reported.

use std::collections::BTreeMap;
use std::path::PathBuf;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::resolve::AnchorRef;

mod corpus;
mod cues;
mod days;
mod extra;
pub mod fit;
mod infer;
pub mod model;
mod neighbours;
mod offices;
pub mod pins;
mod sentences;
mod solve;
pub mod table;
mod weights;
mod work;

/// How sure the engine is of a publication date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    /// Given by a person or by the input itself.
    Pinned,
    /// A few days wide at most.
    Determined,
    /// Bounded, but wider than a few days (or on one side only).
    Bounded,
    /// The text does not say enough (the `reason` says what is missing).
    UnderDetermined,
    /// Statements disagree (the `reason` says which).
    Conflicting,
}

/// How much a piece of evidence is trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Strength {
    /// Page furniture, copyright lines: reported, not a constraint.
    Weak,
    /// Tense of a dated clause, a duration from an event dated elsewhere.
    Medium,
    /// A pin, an input date, a full date with its weekday.
    Strong,
}

/// A finite number in the anchors' output (a probability, a pull in nats):
/// never NaN, so equal to itself, and written as a plain number.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Figure(pub f64);

// Figures are made only from finite numbers (`Figure::new`), so `==` is an
// equivalence.
impl Eq for Figure {}

impl Figure {
    /// `x` rounded to two decimals (0 for a number that is not finite).
    pub fn new(x: f64) -> Figure {
        Figure(if x.is_finite() {
            (x * 100.0).round() / 100.0
        } else {
            0.0
        })
    }
}

/// One statement used (or reported) in dating a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// The statement as written.
    pub text: String,
    /// Its byte span in the document.
    pub span: [usize; 2],
    /// What it implies, e.g. `after 2026-02-05: "held on February 4-5" is in the past`.
    pub implies: String,
    /// How strong it is.
    pub strength: Strength,
    /// The bound it sets on the publication date, if it is a constraint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest: Option<NaiveDate>,
    /// The bound it sets on the publication date, if it is a constraint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest: Option<NaiveDate>,
    /// Its kind of cue in the model (`grammar/cues.txt`), if it is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// How much it moved the result: its log-likelihood at the best day
    /// against an uninformative statement, in nats (negative: the best day
    /// goes against it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub moved: Option<Figure>,
}

/// A document's publication date as inferred or pinned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Document id.
    pub doc: String,
    /// First possible day (None: unbounded).
    pub earliest: Option<NaiveDate>,
    /// Last possible day (None: unbounded).
    pub latest: Option<NaiveDate>,
    /// Best single guess.
    pub best: Option<NaiveDate>,
    /// The probability that `earliest..=latest` holds the day (issue 13;
    /// none for a pinned date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<Figure>,
    /// How sure.
    pub status: Status,
    /// For under-determined and conflicting: what is missing or which statements disagree.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// For a pinned document, what its text alone allows (first day; None:
    /// unbounded): a person can see how far the pin is from the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_earliest: Option<NaiveDate>,
    /// For a pinned document, the last day its text alone allows.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_latest: Option<NaiveDate>,
    /// Every statement used.
    pub evidence: Vec<Evidence>,
    /// Contradictions found while dating this document (`copyright_vs_body`,
    /// `pin_contradicted`, …), ready to go into the chronology as they are.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<crate::schema::Conflict>,
}

impl Anchor {
    /// What relative expressions of the document resolve against.
    pub fn anchor_ref(&self) -> Option<AnchorRef> {
        match (self.status, self.earliest, self.latest) {
            (Status::Pinned, _, _) | (_, Some(_), Some(_))
                if self.earliest == self.latest && self.earliest.is_some() =>
            {
                self.earliest.map(AnchorRef::Day)
            }
            (_, None, None) => None,
            (_, e, l) => Some(AnchorRef::Between { earliest: e, latest: l }),
        }
    }
}

/// What a person pinned for one document in `anchors.yaml`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    /// The publication date.
    pub published: Option<NaiveDate>,
    /// The day the page was retrieved.
    pub retrieved: Option<NaiveDate>,
    /// 1-based line of the entry in the file.
    pub line: usize,
}

/// The user's anchors file, read-only.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Pins {
    /// Where it was read from.
    pub path: Option<PathBuf>,
    /// Pins by document id.
    pub by_doc: BTreeMap<String, Pin>,
}

pub use cues::check_event_lexicon;
pub use infer::{infer, infer_full, infer_with_pages, infer_with_weights};
pub use neighbours::neighbour_votes;
pub use weights::Weights;

/// Resolve each mention on its own, with no anchor and no earlier date to
/// count from: what comes out dated is dated by the text alone. This is what
/// [`infer`] reasons with (a narrative reading, where "June 21" takes the year
/// of the date before it, would let one article's history date its
/// publication).
pub fn resolve_textual(text: &str, mentions: &[crate::tag::Mention]) -> Vec<crate::resolve::Resolved> {
    mentions
        .iter()
        .flat_map(|m| crate::resolve::resolve_all(text, std::slice::from_ref(m), None))
        .collect()
}
