//! The one deterministic generator of test text, shared by `#[path]` by the
//! benches and the `gen_*` examples:
//! - news: paragraphs of news-like sentences with dates, durations, counts,
//!   money and percentages in the proportions of wire copy ([`article`],
//!   [`corpus`]);
//! - dated sentences: one sentence about a given day, in the forms news gives
//!   a date ([`dated_sentence`], [`on_date`]), for documents with thousands of
//!   dates.
//!
//! Every caller draws from the one [`Rng`], so the same seed gives the same bytes.

use chrono::{Datelike, NaiveDate};

/// xorshift64*: small, deterministic, good enough for picking words.
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A number in 0..n.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// A number in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    /// One of `xs`.
    pub fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[self.below(xs.len())]
    }
}

const WHO: &[&str] = &[
    "The minister",
    "Officials",
    "The company",
    "Lawmakers",
    "The central bank",
    "Rescue workers",
    "The ministry",
    "Analysts",
    "The president",
    "Investigators",
    "The army",
    "Local authorities",
    "The committee",
    "Protesters",
];
const DID: &[&str] = &[
    "said",
    "announced",
    "reported",
    "confirmed",
    "warned",
    "told reporters",
    "added",
    "denied",
    "estimated",
];
const WHAT: &[&str] = &[
    "that talks would resume",
    "that prices had risen",
    "that the plan was on track",
    "that the vote would go ahead",
    "that the deal was close",
    "that 4,300 kilometers of road were damaged",
    "that 170 soldiers were deployed",
    "that $50 billion in aid was pledged",
    "a 30% increase in exports",
    "that 472 drones were shot down",
    "that the factory would reopen",
    "that the border stayed closed",
    "that the index fell 2.5 percent",
];
const WHEN: &[&str] = &[
    "on Tuesday",
    "last week",
    "on February 4-5",
    "in May",
    "yesterday",
    "earlier this year",
    "last October",
    "since 2022",
    "next weekend",
    "in the third quarter",
    "three years ago",
    "on Sunday night",
    "at 3 p.m.",
    "in early March",
    "two days later",
    "by the end of the year",
    "on Jan. 14, 2025",
    "this month",
    "in 2019",
    "at least six months",
    "for about five hours",
    "for nearly three years",
    "every Monday",
    "in the coming weeks",
];
const FILLER: &[&str] = &[
    "The decision drew criticism from opposition parties and business groups.",
    "Markets reacted calmly, with shares of major exporters little changed.",
    "Residents described long queues at petrol stations and shops.",
    "The report, which runs to 120 pages, has not been made public.",
    "Aid agencies said they needed more access to the affected region.",
    "A spokesperson declined to comment further on the negotiations.",
    "Several hundred people gathered outside the parliament building.",
];

/// One article of roughly `target` bytes.
pub fn article(rng: &mut Rng, target: usize) -> String {
    let mut s = String::with_capacity(target + 200);
    while s.len() < target {
        for _ in 0..4 {
            if rng.below(3) == 0 {
                s.push_str(rng.pick(FILLER));
            } else {
                s.push_str(rng.pick(WHO));
                s.push(' ');
                s.push_str(rng.pick(DID));
                s.push(' ');
                s.push_str(rng.pick(WHAT));
                s.push(' ');
                s.push_str(rng.pick(WHEN));
                s.push('.');
            }
            s.push(' ');
        }
        s.push_str("\n\n");
    }
    s
}

/// Articles of about 4 KB until `total` bytes of text: (id, text, dct).
pub fn corpus(seed: u64, total: usize) -> Vec<(String, String, String)> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut n = 0;
    let mut k = 0;
    while n < total {
        let size = 2000 + rng.below(4000);
        let text = article(&mut rng, size);
        n += text.len();
        let dct = format!("2025-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
        out.push((format!("gen{k:06}"), text, dct));
        k += 1;
    }
    out
}

/// The months' names, January first.
pub const MONTHS: [&str; 12] = [
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
/// The weekdays' names, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const ACTOR: &[&str] = &[
    "the council",
    "the mayor",
    "Governor Ellis",
    "the regional assembly",
    "the board of Northfield Water",
    "the transport board",
    "the union of dock workers",
    "police in Carden",
    "the health ministry",
    "the Senate committee",
    "the harbour authority",
    "residents of Oakvale",
];
/// Regular verbs only: the past tense is also the participle ("had voted").
const DEED: &[&str] = &[
    "voted to approve the new budget",
    "voted to extend the tram line to the northern districts",
    "announced a review of the bridge contract",
    "announced an inquiry into the collapse of the Riverside bridge",
    "rejected the proposal for a second runway",
    "rejected the plan to close the old harbour to freight",
    "opened an inquiry into the flooding",
    "opened the first section of the coastal highway",
    "signed the agreement with the port authority",
    "delayed the school closures",
    "published the audit of the hospital accounts",
    "raised the fares on every bus route in the city",
    "named a commission to review the flood defences",
    "cut the funding for the library service",
];
const COUNTS: &[&str] = &["two", "three", "four", "five", "six", "ten", "eleven"];

/// "March 3, 2011".
pub fn full_date(d: NaiveDate) -> String {
    format!("{} {}, {}", MONTHS[d.month0() as usize], d.day(), d.year())
}

/// Whether the weekday a dated sentence writes is the day's own.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Weekdays {
    /// Always the day's own weekday.
    Right,
    /// Any weekday: some sentences then contradict their own date.
    Random,
}

/// "On March 3, 2011, the council voted to approve the new budget."
pub fn on_date(rng: &mut Rng, d: NaiveDate) -> String {
    format!("On {}, {} {}.", full_date(d), rng.pick(ACTOR), rng.pick(DEED))
}

/// One sentence about day `d` in one of the forms news gives a date: full
/// dates, a date with its weekday, weekdays alone, year-less days, months,
/// bare years, plans still ahead, "yesterday", "last week", "earlier this
/// year", durations ("three days later", "five months before"), order words
/// and a second date in the same sentence. Starts with a capital letter.
pub fn dated_sentence(rng: &mut Rng, d: NaiveDate, weekdays: Weekdays) -> String {
    let who = rng.pick(ACTOR);
    let did = rng.pick(DEED);
    let n = rng.pick(COUNTS);
    let wd = match weekdays {
        Weekdays::Right => WEEKDAYS[d.weekday().num_days_from_monday() as usize],
        Weekdays::Random => rng.pick(&WEEKDAYS),
    };
    let (month, day, year, full) = (MONTHS[d.month0() as usize], d.day(), d.year(), full_date(d));
    let s = match rng.below(16) {
        0 => format!("on {full}, {who} {did}."),
        1 => format!("on {wd}, {full}, {who} {did}."),
        2 => format!("on {wd}, {who} {did}, officials said."),
        3 => format!("on {month} {day}, {who} {did}."),
        4 => format!("in {month} {year}, {who} {did}."),
        5 => format!("in {year}, {who} {did}."),
        6 => format!("a second vote is scheduled for {full}, when {who} will decide again."),
        7 => format!("{n} days later, {who} {did}."),
        8 => format!("yesterday {who} {did}, and {n} years after the flood the work goes on."),
        9 => format!("last week {who} {did}, {n} years after the first vote in {year}."),
        10 => format!(
            "on {month} {day}, {who} {did}, before the hearing on {month} {}.",
            1 + rng.below(28)
        ),
        11 => format!("{who} {did} on {day} {month} {year}, {n} months before the election."),
        12 => format!("earlier this year {who} {did}."),
        13 => format!("by {year}, {who} had {did}."),
        14 => format!("after {full}, {who} {did} again in {}.", year + 1),
        _ => format!("{full} - {who} {did}."),
    };
    let mut cs = s.chars();
    cs.next()
        .map(|c| c.to_uppercase().chain(cs).collect())
        .unwrap_or_default()
}
