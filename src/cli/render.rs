//! `chronology render`: chronology.yaml (schema version 1 or 2) → timeline.svg
//! (+ timeline.json), from the YAML alone.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

use super::{guard, header, RenderArgs};
use chronology::emit::svg::{self, ArticleLanes, Options};
use chronology::emit::{timelinejs, upgrade};
use chronology::schema::v2::Chronology;

/// Read a chronology file of version 1 or 2 as version 2; errors name the
/// file and, for YAML errors, the line.
pub(super) fn load(path: &Path) -> anyhow::Result<Chronology> {
    let text = fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    upgrade::read(&text).map_err(|e| match e.location() {
        Some((line, col)) => anyhow::anyhow!("{}:{line}:{col}: {e}", path.display()),
        None => anyhow::anyhow!("{}: {e}", path.display()),
    })
}

/// The picture's options from the flags.
fn options(a: &RenderArgs) -> Options {
    Options {
        lanes: match (a.lanes, a.no_lanes) {
            (true, _) => ArticleLanes::Always,
            (false, true) => ArticleLanes::Never,
            (false, false) => ArticleLanes::Auto,
        },
    }
}

/// Write `bytes` to `path` through a temporary file in the same directory, so
/// a failed run never leaves a half-written file behind.
pub(super) fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = path.with_file_name(format!(".{name}.tmp"));
    fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    fs::rename(&tmp, path).with_context(|| format!("cannot replace {}", path.display()))
}

/// Where the SVG and the JSON go.
pub(super) fn outputs(input: &Path, output: Option<&Path>) -> (PathBuf, PathBuf) {
    let svg = match output {
        Some(p) => p.to_path_buf(),
        None => input.parent().unwrap_or(Path::new("")).join("timeline.svg"),
    };
    let json = svg.with_extension("json");
    (svg, json)
}

pub(super) fn run(a: &RenderArgs) -> anyhow::Result<u8> {
    if let Some(o) = a.output.as_deref() {
        if o.as_os_str() == "-" {
            let c = load(&a.chronology)?;
            let mut out = std::io::stdout().lock();
            out.write_all(header::xml(&svg::render_with(&c, &options(a))).as_bytes())
                .and_then(|()| out.flush())
                .context("cannot write output")?;
            return Ok(0);
        }
        if !o.extension().is_some_and(|e| e.eq_ignore_ascii_case("svg")) {
            bail!(
                "{}: the picture is drawn as SVG only: give a file name ending in .svg (or - for stdout)",
                o.display()
            );
        }
    }
    let (svg_path, json_path) = outputs(&a.chronology, a.output.as_deref());
    let inputs = guard::Inputs::one(&a.chronology);
    guard::prepare_dir(svg_path.parent().unwrap_or(Path::new("")), &inputs)?;
    guard::check_file(&svg_path, &inputs)?;
    if !a.no_json {
        guard::check_file(&json_path, &inputs)?;
    }
    let c = load(&a.chronology)?;
    let picture = header::xml(&svg::render_with(&c, &options(a)));
    let json = if a.no_json {
        None
    } else {
        Some(header::json(&timelinejs::timeline(&c)).context("cannot encode TimelineJS JSON")?)
    };
    write_atomic(&svg_path, picture.as_bytes())?;
    super::ui::note(format_args!(
        "wrote {} ({})",
        svg_path.display(),
        super::count(c.events.len(), "event", "events")
    ));
    if let Some(j) = json {
        write_atomic(&json_path, j.as_bytes())?;
        super::ui::note(format_args!("wrote {}", json_path.display()));
    }
    Ok(0)
}
