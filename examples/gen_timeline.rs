//! Write one "timeline of …" document as JSONL: N dated sentences in one
//! article, for the time `anchors` and `check` take on a page with thousands
//! of dates (issue 14):
//!
//! ```text
//! cargo run --release --example gen_timeline -- timeline.jsonl 8000
//! time target/release/chronology anchors timeline.jsonl > /dev/null
//! ```
//! Arguments: output file, number of dated sentences (default 8000), and a
//! layout: `lines` (default: paragraphs of five sentences), `flat` (the page
//! as one line, as a scraper flattens it) or `runon` (one line, and the
//! entries end without a full stop, as a flattened list of a timeline's
//! entries does: the whole page is one sentence).
//!
//! The sentences mix full dates ("On March 3, 2011, the council voted …"),
//! dates with their weekday, year-less days, bare years, months, scheduled
//! dates still ahead, relative days and weekdays, and durations.

use std::io::{BufWriter, Write};

use chrono::{Datelike, Duration, NaiveDate};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const WHO: [&str; 8] = [
    "the council",
    "the mayor",
    "the regional assembly",
    "the transport board",
    "Governor Alvarez",
    "the health ministry",
    "the harbour authority",
    "the union of dock workers",
];
const WHAT: [&str; 8] = [
    "voted to extend the tram line to the northern districts",
    "approved the budget for the new water treatment plant",
    "announced an inquiry into the collapse of the Riverside bridge",
    "rejected the plan to close the old harbour to freight",
    "signed an agreement with the Eastern Rail Company",
    "opened the first section of the coastal highway",
    "raised the fares on every bus route in the city",
    "named a commission to review the flood defences",
];
const NUMBERS: [&str; 6] = ["two", "three", "four", "five", "six", "ten"];

/// A small linear congruential generator: the same file for the same arguments.
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn full(d: NaiveDate) -> String {
    format!("{} {}, {}", MONTHS[d.month0() as usize], d.day(), d.year())
}

/// One dated sentence about day `d`.
fn sentence(rng: &mut Rng, d: NaiveDate) -> String {
    let who = WHO[rng.next(WHO.len())];
    let what = WHAT[rng.next(WHAT.len())];
    let wd = WEEKDAYS[d.weekday().num_days_from_monday() as usize];
    let month = MONTHS[d.month0() as usize];
    let n = NUMBERS[rng.next(NUMBERS.len())];
    match rng.next(10) {
        0 => format!("On {}, {who} {what}.", full(d)),
        1 => format!("On {wd}, {}, {who} {what}.", full(d)),
        2 => format!("On {month} {}, {who} {what}.", d.day()),
        3 => format!("In {}, {who} {what}.", d.year()),
        4 => format!("In {month} {}, {who} {what}.", d.year()),
        5 => format!(
            "A second vote is scheduled for {}, when {who} will decide again.",
            full(d)
        ),
        6 => format!("{n} days later, {who} {what}."),
        7 => format!("On {wd}, {who} {what}, officials said."),
        8 => format!("Yesterday {who} {what}, and {n} years after the flood the work goes on."),
        _ => format!("{} - {who} {what}.", full(d)),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args
        .next()
        .ok_or("usage: gen_timeline OUT.jsonl [N] [lines|flat|runon]")?;
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(8000);
    let layout = args.next().unwrap_or_else(|| "lines".to_string());
    let (flat, runon) = match layout.as_str() {
        "lines" => (false, false),
        "flat" => (true, false),
        "runon" => (true, true),
        other => return Err(format!("unknown layout {other:?} (expected lines, flat or runon)").into()),
    };
    let mut rng = Rng(u64::try_from(n).unwrap_or(1));
    let mut day = NaiveDate::from_ymd_opt(1990, 1, 1).ok_or("start date")?;
    let mut text = String::from("Timeline of the city council\n\n");
    for k in 0..n {
        day = day
            .checked_add_signed(Duration::days(1 + rng.next(5) as i64))
            .ok_or("date out of range")?;
        let s = sentence(&mut rng, day);
        text.push_str(if runon { s.trim_end_matches('.') } else { &s });
        text.push_str(if flat || k % 5 != 4 { " " } else { "\n\n" });
    }
    let mut out = BufWriter::new(std::fs::File::create(&path)?);
    serde_json::to_writer(
        &mut out,
        &serde_json::json!({"doc": format!("timeline-{n}"), "text": text}),
    )?;
    out.write_all(b"\n")?;
    out.flush()?;
    eprintln!("wrote {path}: {n} dated sentences, {} KB", text.len() / 1024);
    Ok(())
}
