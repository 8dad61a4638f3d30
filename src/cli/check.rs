//! `chronology check`: the conflicts only, as text or JSON lines.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};

use anyhow::Context;

use super::build::{load, load_pins, warn_anchors, warn_untagged};
use super::{CheckArgs, CheckFormat};
use chronology::ingest::Places;
use chronology::pipeline::Pipeline;

pub(super) fn run(a: &CheckArgs, pipeline: &Pipeline) -> anyhow::Result<u8> {
    let pins = load_pins(a.anchors.as_deref(), &a.inputs)?;
    let bar = super::ui::progress(None, "reading");
    let (docs, unreadable) = load(&a.inputs, &pins, false, &bar, a.stdin_format)?;
    bar.stage("tagging, dating and ordering");
    let built = pipeline.build(&docs, &pins, a.retrieved);
    drop(bar);
    warn_anchors(&built.anchors);
    warn_untagged(&docs, &built);
    let mut where_: BTreeMap<&str, (&chronology::ingest::Document, Option<Places<'_>>)> =
        docs.iter().map(|d| (d.id.as_str(), (d, None))).collect();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for c in &built.story.conflicts {
        match a.format {
            CheckFormat::Jsonl => {
                serde_json::to_writer(&mut out, c).context("cannot write output")?;
                writeln!(out).context("cannot write output")?;
            }
            CheckFormat::Text => {
                writeln!(out, "{} [{}] {}", c.kind, c.docs.join(", "), c.explanation).context("cannot write output")?;
                for s in &c.statements {
                    // each document's lines are indexed once, when first quoted
                    let at = match where_.get_mut(s.doc.as_str()) {
                        Some((d, places)) => places.get_or_insert_with(|| d.places()).at(s.span[0]),
                        None => s.doc.clone(),
                    };
                    writeln!(out, "  {at}: {}", s.text).context("cannot write output")?;
                }
            }
        }
    }
    out.flush().context("cannot write output")?;
    Ok(if unreadable > 0 {
        2
    } else if built.story.conflicts.is_empty() {
        0
    } else {
        1
    })
}
