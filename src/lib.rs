//! chronology: reads news articles full of relative dates and turns them into
//! one absolute, checked chronology of events.
//!
//! The pipeline, one module per stage (a stage uses only earlier ones):
//!
//! ```text
//! ingest ─▶ grammar/tag ─▶ resolve ─▶ anchor ─▶ order ─▶ story ─▶ emit
//! files     mentions       TIMEX3     pub. dates  graph    events   yaml, jsonl, timeml, svg, timelinejs, md
//!    └────▶ page (furniture: what of a page is not the article) ──▶ anchor, order
//! ```
//!
//! [`pipeline`] runs them, once per command: its [`pipeline::Pipeline`] is
//! made by loading and checking every grammar file (a broken one is an error
//! naming the file and line), then tags, dates and orders a corpus.
//!
//! The command line (`src/main.rs`, `src/cli/`) is a binary over this library;
//! the library's errors are typed (`thiserror`), `anyhow` is the binary's only.
#![deny(missing_docs)]

pub mod anchor;
pub mod emit;
pub mod grammar;
pub mod ingest;
pub mod order;
pub mod page;
pub mod pipeline;
pub mod resolve;
pub mod schema;
pub mod stories;
pub mod story;
pub mod tag;
pub mod text;
pub mod time;
pub mod timex;
