//! `chronology tag`.

use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;

use anyhow::{bail, Context};

use super::{guard, header, TagArgs, TagFormat};
use chronology::emit;
use chronology::ingest::{DocStream, Document};
use chronology::pipeline::Pipeline;

/// How many documents are tagged in parallel between writes: bounds memory
/// while keeping the output in input order.
const BATCH: usize = 256;

/// Refuse, before any work, an output folder or file that must not be written:
/// for TimeML, the `.tml` of every input file named by its stem (the ids of
/// JSONL documents are known only when read, and checked then).
fn check_outputs(a: &TagArgs, dir: &Path, inputs: &guard::Inputs) -> anyhow::Result<()> {
    guard::prepare_dir(dir, inputs)?;
    match a.format {
        TagFormat::Jsonl => guard::check_file(&dir.join("mentions.jsonl"), inputs),
        TagFormat::Yaml => guard::check_file(&dir.join("mentions.yaml"), inputs),
        TagFormat::Timeml => {
            for f in chronology::ingest::expand(&a.inputs)? {
                let jsonl = f.as_os_str() == "-" || f.extension().is_some_and(|e| e == "jsonl" || e == "ndjson");
                if let (false, Some(stem)) = (jsonl, f.file_stem()) {
                    let mut name = stem.to_os_string();
                    name.push(".tml");
                    guard::check_file(&dir.join(name), inputs)?;
                }
            }
            Ok(())
        }
    }
}

/// A document's place and passed-over front-matter fields, without its text:
/// what `--verbose` says at the end of a streamed run.
fn fields_only(d: &Document) -> Document {
    let mut x = Document::from_text(&d.id, "");
    x.source = d.source.clone();
    x.ignored_fields = d.ignored_fields.clone();
    x
}

pub(super) fn run(a: &TagArgs, pipeline: &Pipeline) -> anyhow::Result<u8> {
    if a.format == TagFormat::Timeml && a.out.is_none() {
        bail!("--format timeml writes one .tml per document: give --out DIR");
    }
    let pins = super::build::load_pins(a.anchors.as_deref(), &a.inputs)?;
    let inputs = guard::Inputs::new(&a.inputs, pins.path.as_deref())?;
    if let Some(dir) = &a.out {
        check_outputs(a, dir, &inputs)?;
    }
    let stream = DocStream::open(&a.inputs)?.stdin_format(a.stdin_format.map(Into::into));
    let mut sink: Box<dyn Write> = match (&a.out, a.format) {
        (Some(dir), TagFormat::Jsonl) => {
            let p = dir.join("mentions.jsonl");
            Box::new(BufWriter::new(
                fs::File::create(&p).with_context(|| format!("cannot write {}", p.display()))?,
            ))
        }
        (Some(dir), TagFormat::Yaml) => {
            let p = dir.join("mentions.yaml");
            Box::new(BufWriter::new(
                fs::File::create(&p).with_context(|| format!("cannot write {}", p.display()))?,
            ))
        }
        _ => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let bar = super::ui::progress(None, "tagging");
    let mut skipped = 0usize;
    let mut batch: Vec<Document> = Vec::with_capacity(BATCH);
    let mut yaml_docs: Vec<chronology::timex::MentionRecord> = Vec::new();
    // (--verbose) the front-matter fields passed over, said once at the end
    let verbose = super::ui::is_verbose();
    let mut passed_over: Vec<Document> = Vec::new();
    let mut flush = |batch: &mut Vec<Document>, sink: &mut Box<dyn Write>| -> anyhow::Result<()> {
        for (doc, tagged) in batch.iter().zip(pipeline.tag_batch(batch, a.dct, &pins)) {
            let res = tagged.resolved;
            for w in &doc.warnings {
                warn!("{w}");
            }
            if !tagged.untagged.is_empty() {
                let places = doc.places();
                for o in &tagged.untagged {
                    warn!("{}", super::build::untagged_warning(doc, &places, o));
                }
            }
            match a.format {
                TagFormat::Jsonl => emit::jsonl::write_doc(sink, doc, &res).context("cannot write output")?,
                TagFormat::Yaml => yaml_docs.extend(res.iter().map(|r| emit::jsonl::record(doc, r))),
                TagFormat::Timeml => {
                    let dir = a.out.as_ref().context("--out is required")?;
                    let p = dir.join(format!("{}.tml", doc.id));
                    guard::check_file(&p, &inputs)?;
                    fs::write(&p, header::xml(&emit::timeml::document(doc, &res)))
                        .with_context(|| format!("cannot write {}", p.display()))?;
                }
            }
        }
        if verbose {
            passed_over.extend(batch.iter().filter(|d| !d.ignored_fields.is_empty()).map(fields_only));
        }
        bar.inc(batch.len() as u64);
        batch.clear();
        Ok(())
    };
    for item in stream {
        match item {
            Ok(doc) => {
                batch.push(doc);
                if batch.len() >= BATCH {
                    flush(&mut batch, &mut sink)?;
                }
            }
            Err(e) if e.is_fatal() => return Err(e.into()),
            Err(e) => {
                warn!("skipped: {e}");
                skipped += 1;
            }
        }
    }
    flush(&mut batch, &mut sink)?;
    if let Some(n) = chronology::ingest::ignored_fields_note(&passed_over) {
        super::ui::verbose(n);
    }
    if a.format == TagFormat::Yaml {
        let y = serde_yaml::to_string(&yaml_docs).context("cannot encode YAML")?;
        if a.out.is_some() {
            sink.write_all(header::yaml().as_bytes()).context("cannot write YAML")?;
        }
        sink.write_all(emit::chronology_yaml::yaml11_safe(&y).as_bytes())
            .context("cannot write YAML")?;
    }
    sink.flush().context("cannot write output")?;
    Ok(if skipped > 0 { 2 } else { 0 })
}
