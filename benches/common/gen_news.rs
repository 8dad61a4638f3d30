//! A deterministic generator of realistic news text for the throughput bench
//! and `examples/gen_corpus.rs` (shared by `#[path]`): paragraphs of news-like
//! sentences with dates, durations, counts, money and percentages in the
//! proportions of wire copy, from a fixed seed.

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
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
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
