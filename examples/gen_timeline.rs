//! Write one document with N dated sentences as JSONL, for the time
//! `anchors` and `check` take on a page with thousands of dates (issue 14):
//!
//! ```text
//! cargo run --release --example gen_timeline -- timeline.jsonl 8000
//! time target/release/chronology anchors timeline.jsonl > /dev/null
//! cargo run --release --example gen_timeline -- dense-8000.jsonl 8000 dense
//! time target/release/chronology check dense-8000.jsonl --format jsonl > /dev/null
//! ```
//! Arguments: output file, number of dated sentences (default 8000), and a
//! layout:
//! - `lines` (default): a "timeline of …" page, days in order from 1990,
//!   paragraphs of five sentences, no publication date given;
//! - `flat`: the same page as one line, as a scraper flattens it;
//! - `runon`: one line whose entries end without a full stop, as a flattened
//!   list of a timeline's entries does: the whole page is one sentence;
//! - `dense`: days drawn at random from 2005–2012, weekdays that are not
//!   always the day's own, paragraphs of eight sentences and the publication
//!   date 2012-06-15 given: many dates and some contradictions for `check`.
//!
//! The sentences come from the shared generator (`benches/common/gen_news.rs`):
//! full dates, dates with their weekday, year-less days, bare years, months,
//! scheduled dates still ahead, relative days and weekdays, durations and
//! order words.

#[allow(dead_code)] // the news corpus half of the generator is for the benches
#[path = "../benches/common/gen_news.rs"]
mod gen_news;

use std::io::{BufWriter, Write};

use chrono::{Duration, NaiveDate};
use gen_news::{dated_sentence, Rng, Weekdays};

/// How the sentences are laid out on the page.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    Lines,
    Flat,
    Runon,
    Dense,
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: gen_timeline OUT.jsonl [N] [lines|flat|runon|dense]")?;
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(8000);
    let layout = match args.next().as_deref().unwrap_or("lines") {
        "lines" => Layout::Lines,
        "flat" => Layout::Flat,
        "runon" => Layout::Runon,
        "dense" => Layout::Dense,
        other => return Err(format!("unknown layout {other:?} (expected lines, flat, runon or dense)").into()),
    };
    let mut rng = Rng::new(u64::try_from(n).unwrap_or(1));
    let start = NaiveDate::from_ymd_opt(if layout == Layout::Dense { 2005 } else { 1990 }, 1, 1).ok_or("start date")?;
    let (mut day, mut text) = match layout {
        Layout::Dense => (start, String::new()),
        _ => (start, String::from("Timeline of the city council\n\n")),
    };
    let per_paragraph = if layout == Layout::Dense { 8 } else { 5 };
    for k in 0..n {
        let (d, weekdays) = if layout == Layout::Dense {
            let offset = rng.below(8 * 365) as i64;
            let d = start
                .checked_add_signed(Duration::days(offset))
                .ok_or("date out of range")?;
            (d, Weekdays::Random)
        } else {
            day = day
                .checked_add_signed(Duration::days(1 + rng.below(5) as i64))
                .ok_or("date out of range")?;
            (day, Weekdays::Right)
        };
        let s = dated_sentence(&mut rng, d, weekdays);
        text.push_str(if layout == Layout::Runon {
            s.trim_end_matches('.')
        } else {
            &s
        });
        let one_line = matches!(layout, Layout::Flat | Layout::Runon);
        text.push_str(if one_line || k % per_paragraph != per_paragraph - 1 {
            " "
        } else {
            "\n\n"
        });
    }
    let mut record = serde_json::json!({"doc": format!("timeline-{n}"), "text": text});
    if layout == Layout::Dense {
        record = serde_json::json!({"doc": format!("dense-{n}"), "text": text, "dct": "2012-06-15"});
    }
    let mut out = BufWriter::new(std::fs::File::create(&path)?);
    serde_json::to_writer(&mut out, &record)?;
    out.write_all(b"\n")?;
    out.flush()?;
    eprintln!("wrote {path}: {n} dated sentences, {} KB", text.len() / 1024);
    Ok(())
}
