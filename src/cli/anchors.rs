//! `chronology anchors`.

use std::io::{BufWriter, Write};

use anyhow::Context;

use super::{AnchorsArgs, AnchorsFormat};
use chronology::pipeline::Pipeline;

pub(super) fn run(a: &AnchorsArgs, pipeline: &Pipeline) -> anyhow::Result<u8> {
    let pins = super::build::load_pins(a.anchors.as_deref(), &a.inputs)?;
    let bar = super::ui::progress(None, "reading");
    let (docs, unreadable) = super::build::load(&a.inputs, &pins, false, &bar, a.stdin_format)?;
    bar.stage("dating");
    let anchors = pipeline.anchors(&docs, &pins, a.retrieved);
    drop(bar);
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
            out.write_all(chronology::emit::chronology_yaml::yaml11_safe(&y).as_bytes())
                .context("cannot write output")?
        }
    }
    out.flush().context("cannot write output")?;
    Ok(if unreadable == 0 { 0 } else { 2 })
}
