//! The command-line edge: argument definitions and dispatch. Errors from the
//! library get `anyhow` context here and nowhere else.
//!
//! Exit codes, the same for every command: 0 done; 1 `check` found conflicts;
//! 2 error: bad usage, an input that cannot be read (tag, anchors and check
//! still process the rest; build writes nothing), an empty input folder, an
//! output refused or an I/O error. A closed stdout (`| head`) ends the run
//! quietly with 0.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand, ValueEnum};

/// `warning: …` on stderr, unless `--quiet` (above the progress bar, if shown).
macro_rules! warn {
    ($($t:tt)*) => {
        crate::cli::ui::warn(format_args!($($t)*))
    };
}

mod anchors;
mod build;
mod check;
mod guard;
mod header;
mod render;
mod tag;
mod timeline;
mod ui;

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "chronology",
    version,
    about = "Normalise relative dates in news articles into one absolute, checked chronology.",
    after_help = "EXIT CODES (every command):
    0  done
    1  check found conflicts
    2  error: bad usage, an input that cannot be read (tag, anchors and check still
       process the rest; build writes nothing), an input folder with no article,
       an output refused (the engine never replaces a file it did not write) or
       an I/O error
  A closed stdout (`chronology tag … | head`) ends the run quietly with 0.

EXAMPLES:
    chronology build seeds --out out
    chronology check seeds
    chronology timeline stories.jsonl --top 20 --format md
    chronology tag article.txt --dct 2025-02-10"
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
    /// timeline.svg, timeline.json and timeline.md, and say what changed.
    Build(BuildArgs),
    /// Print the conflicts (exit 0: none, 1: some, 2: errors).
    Check(CheckArgs),
    /// Print the story's most salient days, each with what happened, in date order.
    Timeline(TimelineArgs),
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
#[command(after_help = "EXAMPLES:
  Every publication date of the articles in seeds/, with its evidence:
    chronology anchors seeds
  One record a line, pages retrieved on 2025-06-03 ('Published 1 day ago'):
    chronology anchors pages.jsonl --format jsonl --retrieved 2025-06-03
  Only the documents whose date is not settled:
    chronology anchors seeds --format jsonl | grep -v '\"status\":\"determined\"'")]
pub struct AnchorsArgs {
    /// Files or directories (`.txt`, `.md`, `.tml`, `.jsonl`; `-` for stdin:
    /// JSON lines or one plain-text article, see `--stdin-format`).
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
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Progress and warnings.
    #[command(flatten)]
    pub ui: UiArgs,
    /// What `-` (stdin) holds: `text` (one article, id `stdin`) or `jsonl`
    /// (default: jsonl if its first byte other than white space is `{`, else text).
    #[arg(long, value_enum)]
    pub stdin_format: Option<StdinFormat>,
}

/// `chronology render CHRONOLOGY.yaml [-o FILE.svg] [--no-json] [--lanes | --no-lanes]`
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Writes FILE.svg and, next to it, the TimelineJS3 JSON under the same name with \
the extension .json (default: timeline.svg and timeline.json in the directory of CHRONOLOGY.yaml). \
Existing files are replaced only once the new ones are complete, and only if chronology wrote them.

EXAMPLES:
  Redraw out/timeline.svg and out/timeline.json after editing out/chronology.yaml:
    chronology render out/chronology.yaml
  The picture elsewhere, without the JSON:
    chronology render out/chronology.yaml -o pictures/story.svg --no-json
  The SVG on stdout:
    chronology render out/chronology.yaml -o - | gzip > story.svgz
  One lane per article for a large collection:
    chronology render out/chronology.yaml --lanes -o pictures/lanes.svg"
)]
pub struct RenderArgs {
    /// The chronology file written by `build` (or edited by hand).
    pub chronology: PathBuf,
    /// The SVG to write, ending in .svg (default: timeline.svg next to
    /// CHRONOLOGY.yaml); the TimelineJS JSON goes next to it with the extension
    /// .json. `-`: the SVG to stdout, no JSON.
    #[arg(short = 'o', long = "output")]
    pub output: Option<PathBuf>,
    /// Do not write the TimelineJS JSON.
    #[arg(long)]
    pub no_json: bool,
    /// One lane per article, however many there are (by default only for up
    /// to 12 articles); lanes that would pass 16,000 px or 3 MB are left out.
    #[arg(long, conflicts_with = "no_lanes")]
    pub lanes: bool,
    /// No per-article lanes, however few articles there are.
    #[arg(long)]
    pub no_lanes: bool,
    /// Progress and warnings.
    #[command(flatten)]
    pub ui: UiArgs,
}

/// `chronology build DIR|FILES... [--out DIR] [--anchors FILE] [--retrieved YYYY-MM-DD]`
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Every file is first written under a temporary name in the output directory and \
renamed only once all are complete: a build that fails (bad anchors file, unreadable input) \
leaves the previous output exactly as it was. The output directory may not be an input \
directory, and a file in it that chronology did not write is never replaced.

EXAMPLES:
  Build the articles of seeds/ (pins in seeds/anchors.yaml) into out/:
    chronology build seeds --out out
  Pin dates from another file, pages retrieved on 2025-06-03:
    chronology build pages.jsonl --anchors my-pins.yaml --retrieved 2025-06-03 --out story
  On two cores, without the progress bar or warnings:
    chronology build seeds --out out --threads 2 --quiet"
)]
pub struct BuildArgs {
    /// Files or directories (`.txt`, `.md`, `.tml`, `.jsonl`; `-` for stdin:
    /// JSON lines or one plain-text article, see `--stdin-format`).
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
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Progress and warnings.
    #[command(flatten)]
    pub ui: UiArgs,
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
#[command(after_help = "Exit codes: 0 no conflict, 1 conflicts found, 2 errors.

EXAMPLES:
  The conflicts among the articles of seeds/, with file:line of each statement:
    chronology check seeds
  As JSON lines, in a CI step that fails on any conflict:
    chronology check corpus/ --format jsonl > conflicts.jsonl
  The kinds of conflict only:
    chronology check seeds --format jsonl | jq -r .kind | sort | uniq -c")]
pub struct CheckArgs {
    /// Files or directories (`.txt`, `.md`, `.tml`, `.jsonl`; `-` for stdin:
    /// JSON lines or one plain-text article, see `--stdin-format`).
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
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Progress and warnings.
    #[command(flatten)]
    pub ui: UiArgs,
    /// What `-` (stdin) holds: `text` (one article, id `stdin`) or `jsonl`
    /// (default: jsonl if its first byte other than white space is `{`, else text).
    #[arg(long, value_enum)]
    pub stdin_format: Option<StdinFormat>,
}

/// Output formats of `timeline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TimelineFormat {
    /// One YAML document: `timeline: [{date, sentences, salience, events, docs, sources}]`.
    Yaml,
    /// One entry a line: `{"date","sentences","salience","events","docs","sources"}`.
    Jsonl,
    /// A readable Markdown chronology (what `build` writes as `timeline.md`).
    Md,
}

/// `chronology timeline INPUT... [--top N] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--sentences K] [--format yaml|jsonl|md] [--anchors FILE]`
#[derive(Debug, clap::Args)]
#[command(after_help = "A day's salience weighs how many independent articles report it, how \
prominently (their first sentences), how many were published on it or just after, how many \
tell it again later, and how specific its date is; the weights were learned on development \
stories (grammar/timeline_weights.txt). Exit codes: 0 done, 2 errors.

EXAMPLES:
  The 20 most salient days of a story, two sentences each, as Markdown:
    chronology timeline story.jsonl --top 20 --format md
  Days of June 2009 only, one sentence each, as JSON lines:
    chronology timeline h1n1/ --from 2009-06-01 --to 2009-06-30 --sentences 1 --format jsonl
  Why each day was chosen (its salience features):
    chronology timeline seeds --format yaml --explain")]
pub struct TimelineArgs {
    /// Files or directories (`.txt`, `.md`, `.tml`, `.jsonl`; `-` for stdin:
    /// JSON lines or one plain-text article, see `--stdin-format`).
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// How many days (default: one per 10 articles, at least 10).
    #[arg(long)]
    pub top: Option<usize>,
    /// First day shown.
    #[arg(long, value_parser = parse_day_arg)]
    pub from: Option<chrono::NaiveDate>,
    /// Last day shown.
    #[arg(long, value_parser = parse_day_arg)]
    pub to: Option<chrono::NaiveDate>,
    /// Sentences per day at most.
    #[arg(long, default_value_t = 2)]
    pub sentences: usize,
    /// Output format.
    #[arg(long, value_enum, default_value_t = TimelineFormat::Yaml)]
    pub format: TimelineFormat,
    /// Add each day's salience features to its entry (`features`).
    #[arg(long)]
    pub explain: bool,
    /// The user's anchors file (default: `anchors.yaml` in an input directory).
    #[arg(long)]
    pub anchors: Option<PathBuf>,
    /// The day the pages were retrieved.
    #[arg(long, value_parser = parse_day_arg)]
    pub retrieved: Option<chrono::NaiveDate>,
    /// Worker threads (default: all cores).
    #[arg(long)]
    pub threads: Option<usize>,
    /// Progress and warnings.
    #[command(flatten)]
    pub ui: UiArgs,
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
#[command(after_help = "EXAMPLES:
  Every temporal expression of one article, resolved against 10 February 2025:
    chronology tag article.txt --dct 2025-02-10
  A JSONL corpus from stdin, on four threads:
    zcat news.jsonl.gz | chronology tag - --threads 4 > mentions.jsonl
  TimeML with inline TIMEX3, one .tml per document, into tagged/ (not the input folder):
    chronology tag corpus/ --format timeml --out tagged")]
pub struct TagArgs {
    /// Files or directories (`.txt`, `.md`, `.tml`, `.jsonl`; `-` for stdin:
    /// JSON lines or one plain-text article, see `--stdin-format`).
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
    /// Progress and warnings.
    #[command(flatten)]
    pub ui: UiArgs,
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

impl From<StdinFormat> for chronology::ingest::StdinFormat {
    fn from(f: StdinFormat) -> Self {
        match f {
            StdinFormat::Text => chronology::ingest::StdinFormat::Text,
            StdinFormat::Jsonl => chronology::ingest::StdinFormat::Jsonl,
        }
    }
}

/// Flags every command takes.
#[derive(Debug, Clone, clap::Args)]
pub struct UiArgs {
    /// Show the progress bar on stderr even when it is not a terminal (by
    /// default it shows only on a terminal, once a run takes over a second).
    #[arg(long, conflicts_with = "quiet")]
    pub progress: bool,
    /// No progress bar and no warnings (errors are still printed).
    #[arg(long, short = 'q')]
    pub quiet: bool,
    /// Also say, once a run, which anchors file is read and which
    /// front-matter fields are passed over.
    #[arg(long, short = 'v', conflicts_with = "quiet")]
    pub verbose: bool,
}

/// `n` and the noun, singular or plural: "1 document", "2 documents".
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The error and its causes, each once: a library error whose message already
/// ends with its source's (`path: No such file…`) does not repeat it.
pub fn message(e: &anyhow::Error) -> String {
    let mut out = String::new();
    for cause in e.chain() {
        let s = cause.to_string();
        if out.is_empty() {
            out = s;
        } else if !out.ends_with(&s) {
            out.push_str(": ");
            out.push_str(&s);
        }
    }
    out
}

/// Whether the error is a write to a closed pipe (stdout read by `head`).
pub fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            || c.downcast_ref::<serde_json::Error>()
                .is_some_and(|j| j.io_error_kind() == Some(std::io::ErrorKind::BrokenPipe))
    })
}

/// A folder among the inputs that holds no article is an error naming it.
fn check_inputs(inputs: &[PathBuf]) -> anyhow::Result<()> {
    for input in inputs.iter().filter(|p| p.is_dir()) {
        if chronology::ingest::expand(std::slice::from_ref(input))?.is_empty() {
            anyhow::bail!(
                "{}: no articles in this folder (nothing ending in .txt, .md, .tml or .jsonl)",
                input.display()
            );
        }
    }
    Ok(())
}

/// Parse a `YYYY-MM-DD` command-line value.
pub fn parse_day_arg(s: &str) -> Result<chrono::NaiveDate, String> {
    chronology::ingest::parse_day(s).ok_or_else(|| format!("expected a date YYYY-MM-DD, found {s:?}"))
}

/// Run a parsed command line; returns the exit code.
pub fn run(cli: Cli) -> anyhow::Result<u8> {
    // Every grammar file, loaded and checked once before anything is read:
    // a broken one stops here with its file and line.
    let pipeline = chronology::pipeline::Pipeline::new()?;
    let (ui, threads) = match &cli.command {
        Command::Tag(a) => (&a.ui, a.threads),
        Command::Anchors(a) => (&a.ui, a.threads),
        Command::Build(a) => (&a.ui, a.threads),
        Command::Check(a) => (&a.ui, a.threads),
        Command::Timeline(a) => (&a.ui, a.threads),
        Command::Render(a) => (&a.ui, None),
    };
    ui::init(ui);
    if let Some(inputs) = match &cli.command {
        Command::Tag(a) => Some(&a.inputs),
        Command::Anchors(a) => Some(&a.inputs),
        Command::Build(a) => Some(&a.inputs),
        Command::Check(a) => Some(&a.inputs),
        Command::Timeline(a) => Some(&a.inputs),
        Command::Render(_) => None,
    } {
        check_inputs(inputs)?;
    }
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    pool.install(|| match cli.command {
        Command::Tag(a) => tag::run(&a, &pipeline),
        Command::Anchors(a) => anchors::run(&a, &pipeline),
        Command::Render(a) => render::run(&a),
        Command::Build(a) => build::run(&a, &pipeline),
        Command::Check(a) => check::run(&a, &pipeline),
        Command::Timeline(a) => timeline::run(&a, &pipeline),
    })
}
