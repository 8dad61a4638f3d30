//! `chronology build`: the whole pipeline, written atomically to the output
//! directory, with what changed since the previous build.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use super::BuildArgs;
use crate::anchor::{pins, Anchor, Pins, Status};
use crate::emit::{chronology_yaml, svg, timelinejs};
use crate::ingest::{self, Document};
use crate::order::pipeline;
use crate::tag::out_of_range::OutOfRange;

/// Read the inputs and the user's anchors file; any unreadable input is an
/// error (a build must not silently leave an article out).
pub(super) fn load(
    inputs: &[PathBuf],
    anchors: Option<&Path>,
    strict: bool,
    stdin: Option<super::StdinFormat>,
) -> anyhow::Result<(Vec<Document>, Pins, usize)> {
    let pins = load_pins(anchors, inputs)?;
    let (docs, errors) = ingest::read_all_with(inputs, stdin.map(Into::into))?;
    for e in &errors {
        eprintln!("{}: {e}", if strict { "error" } else { "warning: skipped" });
    }
    if strict && !errors.is_empty() {
        bail!("{} input(s) could not be read; nothing was written", errors.len());
    }
    for d in &docs {
        for w in &d.warnings {
            eprintln!("warning: {w}");
        }
    }
    for (doc, pin) in &pins.by_doc {
        if !docs.iter().any(|d| &d.id == doc) {
            eprintln!(
                "warning: {}:{}: no document named {doc:?} among the inputs",
                pins.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
                pin.line
            );
        }
    }
    Ok((docs, pins, errors.len()))
}

/// The user's anchors file for these inputs (see [`pins::locate`]); says
/// which file is used when it was found beside the files named, and which
/// anchors files are passed over.
pub(super) fn load_pins(explicit: Option<&Path>, inputs: &[PathBuf]) -> anyhow::Result<Pins> {
    let (pins, lookup) = pins::load_for(explicit, inputs)?;
    if let Some(n) = lookup.notice() {
        eprintln!("{n}");
    }
    if let Some(w) = lookup.warning() {
        eprintln!("warning: {w}");
    }
    Ok(pins)
}

/// The warning for an expression left untagged because its value is out of range.
pub(super) fn untagged_warning(d: &Document, o: &OutOfRange) -> String {
    let text = d.text.get(o.start..o.end).unwrap_or("");
    format!("{}: {text:?} not tagged: {}", d.place(o.start), o.reason)
}

/// Expressions left untagged because their values are out of range, by file and line.
pub(super) fn warn_untagged(docs: &[Document], built: &pipeline::Built) {
    for (i, o) in &built.untagged {
        if let Some(d) = docs.get(*i) {
            eprintln!("warning: {}", untagged_warning(d, o));
        }
    }
}

/// Under-determined anchors are warnings, not conflicts.
pub(super) fn warn_anchors(anchors: &[Anchor]) {
    for a in anchors {
        if a.status == Status::UnderDetermined {
            eprintln!(
                "warning: {}: publication date under-determined: {}",
                a.doc,
                a.reason.as_deref().unwrap_or("the text does not say enough")
            );
        }
    }
}

/// Write every file to a temporary name in `dir`, then rename them all: a
/// failure before the renames leaves the previous files exactly as they were.
fn write_all(dir: &Path, files: &[(&str, String)]) -> anyhow::Result<()> {
    fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut tmps = Vec::new();
    for (name, text) in files {
        let tmp = dir.join(format!(".{name}.tmp"));
        if let Err(e) = fs::write(&tmp, text.as_bytes()) {
            for t in &tmps {
                let _ = fs::remove_file(t);
            }
            let _ = fs::remove_file(&tmp);
            return Err(e).with_context(|| format!("cannot write {}", tmp.display()));
        }
        tmps.push(tmp);
    }
    for ((name, _), tmp) in files.iter().zip(&tmps) {
        let path = dir.join(name);
        fs::rename(tmp, &path).with_context(|| format!("cannot replace {}", path.display()))?;
    }
    Ok(())
}

pub(super) fn run(a: &BuildArgs) -> anyhow::Result<u8> {
    let (docs, pins, _) = load(&a.inputs, a.anchors.as_deref(), true, a.stdin_format)?;
    let built = pipeline::run(&docs, &pins, a.retrieved);
    warn_anchors(&built.anchors);
    warn_untagged(&docs, &built);
    let c = &built.chronology;
    let yaml = chronology_yaml::chronology(c)?;
    let anchors = chronology_yaml::anchors(&built.anchors)?;
    let picture = svg::render(c);
    let mut json = serde_json::to_string_pretty(&timelinejs::timeline(c)).context("cannot encode TimelineJS JSON")?;
    json.push('\n');

    let previous_path = a.out.join("chronology.yaml");
    let previous = match fs::read_to_string(&previous_path) {
        Ok(text) => match chronology_yaml::read(&text) {
            Ok(p) => Some(p),
            Err(e) => {
                eprintln!("warning: {}: {e}; not compared", previous_path.display());
                None
            }
        },
        Err(_) => None,
    };
    write_all(
        &a.out,
        &[
            ("chronology.yaml", yaml),
            ("anchors.yaml", anchors),
            ("timeline.svg", picture),
            ("timeline.json", json),
        ],
    )?;
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "wrote {}: {} documents, {} events, {} conflicts",
        a.out.display(),
        docs.len(),
        c.events.len(),
        c.conflicts.len()
    )
    .context("cannot write output")?;
    if let Some(p) = previous {
        let changes = chronology_yaml::changes(&p, c);
        if changes.is_empty() {
            writeln!(out, "no change since the previous build").context("cannot write output")?;
        }
        for line in changes {
            writeln!(out, "{line}").context("cannot write output")?;
        }
    }
    Ok(0)
}
