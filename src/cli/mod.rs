//! The command-line edge: argument definitions and dispatch. Errors from the
//! library get `anyhow` context here and nowhere else.
//!
//! Exit codes: 0 done; 1 done with skipped input (or, for `check`, conflicts
//! found); 2 usage or I/O error.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

mod anchors;
mod build;
mod check;
mod render;
mod tag;

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "chronology",
    version,
    about = "Normalise relative dates in news articles into one absolute, checked chronology."
)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Find and resolve every temporal expression.
    Tag(TagArgs),
    /// Infer each article's publication date as an interval with its evidence.
    Anchors(AnchorsArgs),
    /// Draw a chronology.yaml as an SVG timeline (and TimelineJS JSON).
    Render(RenderArgs),
    /// Tag, date, order and check; write chronology.yaml, anchors.yaml,
    /// timeline.svg and timeline.json, and say what changed.
    Build(BuildArgs),
    /// Print the conflicts (exit 0: none, 1: some, 2: errors).
    Check(CheckArgs),
}

/// Output formats of `anchors`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum AnchorsFormat {
    /// One YAML list of records.
    Yaml,
    /// One record a line.
    Jsonl,
}

/// `chronology anchors INPUT... [--format yaml|jsonl] [--retrieved YYYY-MM-DD] [--anchors FILE]`
#[derive(Debug, clap::Args)]
pub struct AnchorsArgs {
    /// Files or directories (`.txt`, `.md`, `.tml`, `.jsonl`; `-` for JSONL on stdin).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AnchorsFormat::Yaml)]
    pub format: AnchorsFormat,
    /// The day the pages were retrieved: an upper bound, and what relative page stamps count from.
    #[arg(long, value_parser = parse_day_arg)]
    pub retrieved: Option<chrono::NaiveDate>,
    /// The user's anchors file (default: `anchors.yaml` in an input directory).
    #[arg(long)]
    pub anchors: Option<PathBuf>,
    /// What `-` (stdin) holds: `text` (one article, id `stdin`) or `jsonl`
    /// (default: jsonl if its first byte other than white space is `{`, else text).
    #[arg(long, value_enum)]
    pub stdin_format: Option<StdinFormat>,
}

/// `chronology render CHRONOLOGY.yaml [-o FILE.svg] [--no-json]`
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Writes FILE.svg and, next to it, the TimelineJS3 JSON under the same name with \
the extension .json (default: timeline.svg and timeline.json in the directory of CHRONOLOGY.yaml). \
Existing files are replaced only once the new ones are complete."
)]
pub struct RenderArgs {
    /// The chronology file written by `build` (or edited by hand).
    pub chronology: PathBuf,
    /// The SVG to write (default: timeline.svg next to CHRONOLOGY.yaml); the
    /// TimelineJS JSON goes next to it with the extension .json.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Do not write the TimelineJS JSON.
    #[arg(long)]
    pub no_json: bool,
}

/// `chronology build DIR|FILES... [--out DIR] [--anchors FILE] [--retrieved YYYY-MM-DD]`
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Every file is first written under a temporary name in the output directory and \
renamed only once all are complete: a build that fails (bad anchors file, unreadable input) \
leaves the previous output exactly as it was."
)]
pub struct BuildArgs {
    /// Files or directories (`.txt`, `.md`, `.tml`, `.jsonl`; `-` for JSONL on stdin).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output directory.
    #[arg(long, default_value = "out")]
    pub out: PathBuf,
    /// The user's anchors file (default: `anchors.yaml` in an input directory).
    #[arg(long)]
    pub anchors: Option<PathBuf>,
    /// The day the pages were retrieved: an upper bound, and what relative page stamps count from.
    #[arg(long, value_parser = parse_day_arg)]
    pub retrieved: Option<chrono::NaiveDate>,
    /// What `-` (stdin) holds: `text` (one article, id `stdin`) or `jsonl`
    /// (default: jsonl if its first byte other than white space is `{`, else text).
    #[arg(long, value_enum)]
    pub stdin_format: Option<StdinFormat>,
}

/// Output formats of `check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// One conflict per paragraph, statements with file:line.
    Text,
    /// One conflict a line, the fields of chronology.yaml.
    Jsonl,
}

/// `chronology check DIR|FILES... [--format text|jsonl] [--anchors FILE] [--retrieved YYYY-MM-DD]`
#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or directories (`.txt`, `.md`, `.tml`, `.jsonl`; `-` for JSONL on stdin).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// The user's anchors file (default: `anchors.yaml` in an input directory).
    #[arg(long)]
    pub anchors: Option<PathBuf>,
    /// The day the pages were retrieved.
    #[arg(long, value_parser = parse_day_arg)]
    pub retrieved: Option<chrono::NaiveDate>,
    /// What `-` (stdin) holds: `text` (one article, id `stdin`) or `jsonl`
    /// (default: jsonl if its first byte other than white space is `{`, else text).
    #[arg(long, value_enum)]
    pub stdin_format: Option<StdinFormat>,
}

/// Output formats of `tag`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TagFormat {
    /// One mention a line.
    Jsonl,
    /// One YAML document with every mention.
    Yaml,
    /// One `.tml` per document with inline TIMEX3.
    Timeml,
}

/// `chronology tag INPUT... [--dct YYYY-MM-DD] [--format jsonl|yaml|timeml] [--out DIR] [--threads N]`
#[derive(Debug, clap::Args)]
pub struct TagArgs {
    /// Files or directories (`.txt`, `.md`, `.tml`, `.jsonl`; `-` for JSONL on stdin).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// The publication date to resolve against (overrides the input's own).
    #[arg(long, value_parser = parse_day_arg)]
    pub dct: Option<chrono::NaiveDate>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TagFormat::Jsonl)]
    pub format: TagFormat,
    /// Write into this directory instead of stdout (required for timeml).
    #[arg(long)]
    pub out: Option<PathBuf>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// The user's anchors file for documents without a date (default:
    /// `anchors.yaml` in an input directory).
    #[arg(long)]
    pub anchors: Option<PathBuf>,
    /// What `-` (stdin) holds: `text` (one article, id `stdin`) or `jsonl`
    /// (default: jsonl if its first byte other than white space is `{`, else text).
    #[arg(long, value_enum)]
    pub stdin_format: Option<StdinFormat>,
}

/// What `-` on the command line holds (`--stdin-format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StdinFormat {
    /// One plain-text article; its id is `stdin`.
    Text,
    /// JSON lines, one document a line.
    Jsonl,
}

impl From<StdinFormat> for crate::ingest::StdinFormat {
    fn from(f: StdinFormat) -> Self {
        match f {
            StdinFormat::Text => crate::ingest::StdinFormat::Text,
            StdinFormat::Jsonl => crate::ingest::StdinFormat::Jsonl,
        }
    }
}

/// Parse a `YYYY-MM-DD` command-line value.
pub fn parse_day_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    crate::ingest::parse_day(s).ok_or_else(|| format!("expected a date YYYY-MM-DD, found {s:?}"))
}

/// Run a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    match cli.command {
        Command::Tag(a) => tag::run(&a),
        Command::Anchors(a) => anchors::run(&a),
        Command::Render(a) => render::run(&a),
        Command::Build(a) => build::run(&a),
        Command::Check(a) => check::run(&a),
    }
}
