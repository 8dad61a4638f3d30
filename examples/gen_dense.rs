//! Write one long dated document as JSONL (`{"doc","text","dct"}`), for
//! timing `check` and `build` on a document with many dates (issue #14):
//!
//! ```text
//! cargo run --release --example gen_dense -- dense-8000.jsonl 8000
//! time target/release/chronology check dense-8000.jsonl --format jsonl > /dev/null
//! ```
//! Arguments: output file, number of dated sentences (default 1000). The
//! sentences mix full dates, weekdays (right and wrong), year-less dates,
//! months, relative expressions, order words and durations.

use std::io::{BufWriter, Write};

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
const DAYS: [&str; 7] = [
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
    "Governor Ellis",
    "the board of Northfield Water",
    "the union",
    "police in Carden",
    "the Senate committee",
    "residents of Oakvale",
];
const DID: [&str; 10] = [
    "voted to approve the new budget",
    "announced a review of the bridge contract",
    "rejected the proposal for a second runway",
    "opened an inquiry into the flooding",
    "signed the agreement with the port authority",
    "delayed the school closures",
    "published the audit of the hospital accounts",
    "met the protesters outside the town hall",
    "raised the fares on the eastern line",
    "cut the funding for the library service",
];
const COUNT: [&str; 5] = ["two", "three", "five", "ten", "eleven"];

/// A small deterministic generator (64-bit LCG).
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % n.max(1)
    }
}

fn sentence(r: &mut Lcg) -> String {
    let who = WHO[r.next(WHO.len())];
    let did = DID[r.next(DID.len())];
    let month = MONTHS[r.next(12)];
    let day = 1 + r.next(28);
    let year = 2005 + r.next(8);
    let wd = DAYS[r.next(7)];
    let n = COUNT[r.next(COUNT.len())];
    match r.next(12) {
        0 => format!("On {month} {day}, {year}, {who} {did}."),
        1 => format!("On {wd}, {month} {day}, {year}, {who} {did}."),
        2 => format!("On {wd}, {who} {did}."),
        3 => format!("In {month} {year}, {who} {did}."),
        4 => format!("{n} days later, {who} {did}."),
        5 => format!("Last week {who} {did}, {n} years after the first vote in {year}."),
        6 => format!(
            "On {month} {day}, {who} {did}, before the hearing on {month} {}.",
            1 + r.next(28)
        ),
        7 => format!("Yesterday {who} {did}."),
        8 => format!("{who} {did} on {day} {month} {year}, {n} months before the election."),
        9 => format!("Earlier this year {who} {did}."),
        10 => format!("By {year}, {who} had {did}."),
        _ => format!("After {month} {day}, {year}, {who} {did} again in {}.", year + 1),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: gen_dense OUT.jsonl [SENTENCES]")?;
    let n: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(1000);
    let mut r = Lcg(n as u64);
    let mut text = String::new();
    for i in 0..n {
        let s = sentence(&mut r);
        let mut cs = s.chars();
        if let Some(c) = cs.next() {
            text.extend(c.to_uppercase());
            text.push_str(cs.as_str());
        }
        text.push(if i % 8 == 7 { '\n' } else { ' ' });
    }
    let mut out = BufWriter::new(std::fs::File::create(&path)?);
    serde_json::to_writer(
        &mut out,
        &serde_json::json!({"doc": format!("dense-{n}"), "text": text, "dct": "2012-06-15"}),
    )?;
    out.write_all(b"\n")?;
    out.flush()?;
    eprintln!("wrote {path}: {n} sentences, {} KB", text.len() / 1024);
    Ok(())
}
