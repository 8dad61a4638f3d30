//! The whole engine on a corpus: tag, resolve, date every article, resolve
//! again against its date, order and check.
//!
//! ```text
//! docs ─tag─▶ mentions ─resolve(text alone)─▶ anchor::infer (pins, retrieval) ─▶ anchors
//!      ─resolve(each doc's anchor)─▶ resolved ─furniture─▶ order::build_chronology ─▶ Chronology
//! ```

use chrono::NaiveDate;
use rayon::prelude::*;

use super::{build_chronology, DocInput};
use crate::anchor::{self, Anchor, Pins};
use crate::schema::Chronology;
use crate::ingest::Document;
use crate::page::furniture;
use crate::resolve::{self, Resolved};
use crate::tag::out_of_range::{out_of_range, OutOfRange};
use crate::tag::{self, Mention};

/// What a build produces.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// The chronology (`out/chronology.yaml`).
    pub chronology: Chronology,
    /// Every document's anchor with its evidence (`out/anchors.yaml`), in input order.
    pub anchors: Vec<Anchor>,
    /// Expressions left untagged because their values are out of range: the
    /// document's index and where (for warnings).
    pub untagged: Vec<(usize, OutOfRange)>,
}

/// Run every stage over a corpus. Per-document stages run in parallel; the
/// anchors and the order look across documents.
pub fn run(docs: &[Document], pins: &Pins, retrieved: Option<NaiveDate>) -> Built {
    let mentions: Vec<Vec<Mention>> = docs.par_iter().map(|d| tag::tag(&d.text, d.body.clone())).collect();
    // the anchors reason with what the text alone dates (no narrative years)
    let textual: Vec<Vec<Resolved>> = docs
        .par_iter()
        .zip(mentions.par_iter())
        .map(|(d, m)| anchor::resolve_textual(&d.text, m))
        .collect();
    let anchors = anchor::infer(docs, &textual, pins, retrieved);
    let resolved: Vec<Vec<Resolved>> = docs
        .par_iter()
        .zip(mentions.par_iter())
        .zip(anchors.par_iter())
        .map(|((d, m), a)| resolve::resolve_all(&d.text, m, a.anchor_ref().as_ref()))
        .collect();
    let furniture: Vec<Vec<furniture::Furniture>> = docs.par_iter().map(furniture::detect).collect();
    let inputs: Vec<DocInput<'_>> = docs
        .iter()
        .enumerate()
        .map(|(i, doc)| DocInput {
            doc,
            anchor: &anchors[i],
            resolved: &resolved[i],
            furniture: &furniture[i],
        })
        .collect();
    let chronology = build_chronology(&inputs);
    let untagged = docs
        .iter()
        .enumerate()
        .flat_map(|(i, d)| {
            out_of_range(&d.text, d.body.clone(), &mentions[i], &resolved[i])
                .into_iter()
                .map(move |o| (i, o))
        })
        .collect();
    Built {
        chronology,
        anchors,
        untagged,
    }
}
