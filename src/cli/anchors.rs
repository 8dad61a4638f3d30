//! `chronology anchors`.

use std::io::{BufWriter, Write};

use anyhow::Context;

use super::{AnchorsArgs, AnchorsFormat};
use crate::anchor;
use crate::ingest;

pub(super) fn run(a: &AnchorsArgs) -> anyhow::Result<u8> {
    let (docs, errors) = ingest::read_all_with(&a.inputs, a.stdin_format.map(Into::into))?;
    for e in &errors {
        eprintln!("warning: skipped: {e}");
    }
    for d in &docs {
        for w in &d.warnings {
            eprintln!("warning: {w}");
        }
    }
    let pins = super::build::load_pins(a.anchors.as_deref(), &a.inputs)?;
    for (doc, pin) in &pins.by_doc {
        if !docs.iter().any(|d| &d.id == doc) {
            eprintln!(
                "warning: {}:{}: no document named {doc:?} among the inputs",
                pins.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
                pin.line
            );
        }
    }
    let anchors = anchor::infer_corpus(&docs, &pins, a.retrieved);
    let mut out = BufWriter::new(std::io::stdout().lock());
    match a.format {
        AnchorsFormat::Jsonl => {
            for an in &anchors {
                serde_json::to_writer(&mut out, an).context("cannot write output")?;
                out.write_all(b"\n").context("cannot write output")?;
            }
        }
        AnchorsFormat::Yaml => {
            let y = serde_yaml::to_string(&anchors).context("cannot encode YAML")?;
            out.write_all(crate::emit::chronology_yaml::yaml11_safe(&y).as_bytes())
                .context("cannot write output")?
        }
    }
    out.flush().context("cannot write output")?;
    Ok(if errors.is_empty() { 0 } else { 1 })
}
