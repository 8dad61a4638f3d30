//! `chronology timeline`: the story's most salient days, each with the
//! sentences that say what happened, in date order.

use std::collections::BTreeMap;
use std::io::{BufWriter, Write};

use anyhow::Context;

use super::build::{load, load_pins, warn_anchors, warn_untagged};
use super::{TimelineArgs, TimelineFormat};
use chronology::emit::{chronology_yaml, markdown};
use chronology::pipeline::Pipeline;
use chronology::story::Options;

pub(super) fn run(a: &TimelineArgs, pipeline: &Pipeline) -> anyhow::Result<u8> {
    if let (Some(f), Some(t)) = (a.from, a.to) {
        if f > t {
            anyhow::bail!("--from {f} is after --to {t}: no day can be shown");
        }
    }
    let pins = load_pins(a.anchors.as_deref(), &a.inputs)?;
    let bar = super::ui::progress(None, "reading");
    let (docs, unreadable) = load(&a.inputs, &pins, false, &bar, a.stdin_format)?;
    bar.stage("tagging, dating and ordering");
    let opts = Options {
        top: a.top,
        from: a.from,
        to: a.to,
        sentences: Some(a.sentences),
        explain: a.explain,
    };
    let built = pipeline.build_with(&docs, &pins, a.retrieved, &opts);
    drop(bar);
    warn_anchors(&built.anchors);
    warn_untagged(&docs, &built);
    let entries = &built.story.timeline;
    let mut out = BufWriter::new(std::io::stdout().lock());
    match a.format {
        TimelineFormat::Jsonl => {
            for e in entries {
                serde_json::to_writer(&mut out, e).context("cannot write output")?;
                writeln!(out).context("cannot write output")?;
            }
        }
        TimelineFormat::Yaml => {
            let y = serde_yaml::to_string(&BTreeMap::from([("timeline", entries)])).context("cannot encode YAML")?;
            out.write_all(chronology_yaml::yaml11_safe(&y).as_bytes())
                .context("cannot write output")?;
        }
        TimelineFormat::Md => {
            out.write_all(markdown::timeline(entries, &titles(&built.story)).as_bytes())
                .context("cannot write output")?;
        }
    }
    out.flush().context("cannot write output")?;
    super::build::exit_soon((docs, built));
    Ok(if unreadable > 0 { 2 } else { 0 })
}

/// Each document's title, by id.
pub(super) fn titles(c: &chronology::schema::v2::Chronology) -> BTreeMap<String, String> {
    c.anchors
        .iter()
        .filter_map(|a| Some((a.doc.clone(), a.title.clone()?)))
        .collect()
}
