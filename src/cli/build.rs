//! `chronology build`: the whole pipeline, written atomically to the output
//! directory, with what changed since the previous build.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use super::{guard, header, ui, BuildArgs};
use chronology::anchor::{pins, Anchor, Pins, Status};
use chronology::emit::{chronology_yaml, markdown, svg, timelinejs};
use chronology::ingest::{self, Document, Places};
use chronology::pipeline::{Built, Pipeline};
use chronology::schema::v2;
use chronology::tag::out_of_range::OutOfRange;

/// Read the inputs; with `strict`, any unreadable input is an error (a build
/// must not silently leave an article out).
pub(super) fn load(
    inputs: &[PathBuf],
    pins: &Pins,
    strict: bool,
    bar: &ui::Progress,
    stdin: Option<super::StdinFormat>,
) -> anyhow::Result<(Vec<Document>, usize)> {
    let (docs, errors) = ingest::read_all_with(inputs, stdin.map(Into::into))?;
    bar.inc((docs.len() + errors.len()) as u64);
    for e in &errors {
        if strict {
            super::ui::error(e);
        } else {
            warn!("skipped: {e}");
        }
    }
    if strict && !errors.is_empty() {
        bail!(
            "{} could not be read; nothing was written",
            super::count(errors.len(), "input", "inputs")
        );
    }
    for d in &docs {
        for w in &d.warnings {
            warn!("{w}");
        }
    }
    if let Some(n) = ingest::ignored_fields_note(&docs) {
        ui::verbose(n);
    }
    for (doc, pin) in &pins.by_doc {
        if !docs.iter().any(|d| &d.id == doc) {
            warn!(
                "{}:{}: no document named {doc:?} among the inputs",
                pins.path.as_ref().map(|p| p.display().to_string()).unwrap_or_default(),
                pin.line
            );
        }
    }
    Ok((docs, errors.len()))
}

/// The user's anchors file for these inputs (see [`pins::locate`]); says
/// which file is used when it was found beside the files named (with
/// `--verbose`, always, and how it was found), and which anchors files are
/// passed over.
pub(super) fn load_pins(explicit: Option<&Path>, inputs: &[PathBuf]) -> anyhow::Result<Pins> {
    let (pins, lookup) = pins::load_for(explicit, inputs)?;
    if ui::is_verbose() {
        ui::verbose(anchors_used(&lookup));
    } else if let Some(n) = lookup.notice() {
        ui::note(n);
    }
    if let Some(w) = lookup.warning() {
        warn!("{w}");
    }
    Ok(pins)
}

/// Which anchors file a run reads and how it was found, for `--verbose`.
fn anchors_used(lookup: &pins::Lookup) -> String {
    match &lookup.used {
        Some((p, how)) => {
            let how = match how {
                pins::Found::Given => "named with --anchors",
                pins::Found::InputDir => "in an input folder",
                pins::Found::BesideFiles => "beside the files named",
            };
            format!("using anchors file {} ({how})", p.display())
        }
        None => "no anchors file (none named with --anchors, in an input folder or beside the files named)".into(),
    }
}

/// The warning for an expression left untagged because its value is out of
/// range (`places`: the document's line index, [`Document::places`]).
pub(super) fn untagged_warning(d: &Document, places: &Places<'_>, o: &OutOfRange) -> String {
    let text = d.text.get(o.start..o.end).unwrap_or("");
    format!("{}: {text:?} not tagged: {}", places.at(o.start), o.reason)
}

/// Expressions left untagged because their values are out of range, by file
/// and line (each document's lines indexed once).
pub(super) fn warn_untagged(docs: &[Document], built: &Built) {
    let mut indexed: Option<(usize, Places<'_>)> = None;
    for (i, o) in &built.untagged {
        if let Some(d) = docs.get(*i) {
            if indexed.as_ref().is_none_or(|(at, _)| at != i) {
                indexed = Some((*i, d.places()));
            }
            if let Some((_, places)) = &indexed {
                warn!("{}", untagged_warning(d, places, o));
            }
        }
    }
}

/// Under-determined anchors are warnings, not conflicts.
pub(super) fn warn_anchors(anchors: &[Anchor]) {
    for a in anchors {
        if a.status == Status::UnderDetermined {
            warn!(
                "{}: publication date under-determined: {}",
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

/// The files `build` writes into its output folder.
const FILES: [&str; 5] = [
    "chronology.yaml",
    "anchors.yaml",
    "timeline.svg",
    "timeline.json",
    "timeline.md",
];

/// The texts of the files `build` writes.
struct Files {
    yaml: String,
    anchors: String,
    picture: String,
    json: String,
    md: String,
}

/// Every file's text, made side by side (each reads the built chronology alone).
fn files(built: &Built) -> anyhow::Result<Files> {
    let story = &built.story;
    let ((yaml, anchors), (picture, (json, md))) = rayon::join(
        || {
            rayon::join(
                || chronology_yaml::chronology_v2(story),
                || chronology_yaml::anchors(&built.anchors),
            )
        },
        || {
            rayon::join(
                || header::xml(&svg::render(story)),
                || {
                    rayon::join(
                        || header::json(&timelinejs::timeline(story)),
                        || header::xml(&markdown::timeline(&story.timeline, &super::timeline::titles(story))),
                    )
                },
            )
        },
    );
    Ok(Files {
        yaml: yaml?,
        anchors: anchors?,
        picture,
        json: json.context("cannot encode TimelineJS JSON")?,
        md,
    })
}

/// The previous build's chronology being read, to say what changed: its
/// text is parsed on a thread of its own while the pipeline runs (the
/// pipeline leaves a core idle at times; parsing 10 MB of YAML takes a
/// second or more), and nothing is written before it is read.
struct Previous {
    path: PathBuf,
    parsing: Option<std::thread::JoinHandle<Result<v2::Chronology, chronology_yaml::EmitError>>>,
}

impl Previous {
    /// Start reading `path` (nothing when there is no such file).
    fn start(path: PathBuf) -> Previous {
        let parsing = fs::read_to_string(&path)
            .ok()
            .map(|text| std::thread::spawn(move || chronology_yaml::read_v2(&text)));
        Previous { path, parsing }
    }

    /// The previous chronology (none when there is no readable one: a
    /// warning says why).
    fn get(self) -> Option<v2::Chronology> {
        let parsed = self.parsing?.join();
        match parsed {
            Ok(Ok(p)) => Some(p),
            Ok(Err(e)) => {
                warn!("{}: {e}; not compared", self.path.display());
                None
            }
            Err(_) => {
                warn!("{}: could not be read; not compared", self.path.display());
                None
            }
        }
    }
}

pub(super) fn run(a: &BuildArgs, pipeline: &Pipeline) -> anyhow::Result<u8> {
    let pins = load_pins(a.anchors.as_deref(), &a.inputs)?;
    let inputs = guard::Inputs::new(&a.inputs, pins.path.as_deref())?;
    guard::prepare_dir(&a.out, &inputs)?;
    for f in FILES {
        guard::check_file(&a.out.join(f), &inputs)?;
    }
    let previous = Previous::start(a.out.join("chronology.yaml"));
    let bar = ui::progress(None, "reading");
    let (docs, _) = load(&a.inputs, &pins, true, &bar, a.stdin_format)?;
    bar.stage("tagging, dating and ordering");
    let built = pipeline.build(&docs, &pins, a.retrieved);
    drop(bar);
    warn_anchors(&built.anchors);
    warn_untagged(&docs, &built);
    let story = &built.story;
    let made = files(&built);
    let previous = previous.get();
    let Files {
        yaml,
        anchors,
        picture,
        json,
        md,
    } = made?;
    write_all(
        &a.out,
        &[
            (FILES[0], yaml),
            (FILES[1], anchors),
            (FILES[2], picture),
            (FILES[3], json),
            (FILES[4], md),
        ],
    )?;
    let mut out = std::io::stdout().lock();
    let unplaced = if story.unplaced.is_empty() {
        String::new()
    } else {
        format!(" ({} unplaced)", story.unplaced.len())
    };
    writeln!(
        out,
        "wrote {}: {}, {}{unplaced}, {}",
        a.out.display(),
        super::count(docs.len(), "document", "documents"),
        super::count(story.events.len() + story.unplaced.len(), "event", "events"),
        super::count(story.conflicts.len(), "conflict", "conflicts")
    )
    .context("cannot write output")?;
    if let Some(p) = previous {
        let changes = chronology_yaml::changes_v2(&p, story);
        if changes.is_empty() {
            writeln!(out, "no change since the previous build").context("cannot write output")?;
        }
        for line in changes {
            writeln!(out, "{line}").context("cannot write output")?;
        }
    }
    exit_soon((docs, built));
    Ok(0)
}

/// What a command read and built, left to the end of the process: the
/// system takes it back at once, freeing it piece by piece takes a tenth
/// of a second for T17. The command's last step, so nothing leaks twice.
pub(super) fn exit_soon<T>(data: T) {
    std::mem::forget(data);
}
