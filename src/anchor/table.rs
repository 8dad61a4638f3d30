//! The learned likelihoods as data (`grammar/cues.txt`): one line per kind
//! of cue and shape, with how many cues it was counted from and on which
//! corpus; read once and checked ([`Table::parse`]), written by the fitting
//! program ([`Table::format`]).

use std::sync::OnceLock;

use super::model::{Kind, Table, BINS};
use crate::grammar::lexicon::LexiconError;

/// The file, as named in errors.
pub const FILE: &str = "grammar/cues.txt";
const TEXT: &str = include_str!("../../grammar/cues.txt");

fn numbers<const N: usize>(s: &str, n: usize, what: &str) -> Result<[f64; N], LexiconError> {
    let v: Vec<f64> = s
        .split_whitespace()
        .map(|x| x.parse::<f64>())
        .collect::<Result<_, _>>()
        .map_err(|_| LexiconError::at(FILE, n, format!("{what}: not a list of numbers")))?;
    let arr: [f64; N] = v
        .try_into()
        .map_err(|_| LexiconError::at(FILE, n, format!("{what}: expected {N} numbers")))?;
    if arr.iter().any(|x| !x.is_finite() || *x < 0.0) {
        return Err(LexiconError::at(
            FILE,
            n,
            format!("{what}: shares must be finite and not negative"),
        ));
    }
    Ok(arr)
}

impl Table {
    /// The table of `grammar/cues.txt`, read once.
    pub fn default_loaded() -> Result<&'static Table, &'static LexiconError> {
        static T: OnceLock<Result<Table, LexiconError>> = OnceLock::new();
        T.get_or_init(|| Table::parse(TEXT)).as_ref()
    }

    /// Read a table: `span KIND p0 .. p14 | n=N | SOURCE`,
    /// `set KIND r | n=N | SOURCE`, `weekday KIND q0 .. q6 | n=N | SOURCE`,
    /// `temper T | SOURCE`, `guess_temper T | SOURCE`, `damping G | SOURCE`,
    /// `confidence C | SOURCE`.
    /// A kind not given keeps the uninformed default.
    pub fn parse(text: &str) -> Result<Table, LexiconError> {
        let mut t = Table::default();
        // a kind with no line was fitted from no example; what the user
        // gives is not learned from the text
        for k in Kind::ALL {
            if !matches!(k, Kind::Retrieved | Kind::RelativeStamp) {
                t.counted[k.index()] = Some(0);
            }
        }
        let mut guess_temper = None;
        for (n, l) in crate::grammar::data_lines(text) {
            let parts: Vec<&str> = l.split(" | ").map(str::trim).collect();
            if parts.len() < 2 || parts.last().is_some_and(|s| s.is_empty()) {
                return Err(LexiconError::at(FILE, n, "expected `WHAT VALUES | ... | SOURCE`"));
            }
            let mut head = parts[0].splitn(3, ' ');
            let what = head.next().unwrap_or("");
            match what {
                "temper" | "guess_temper" | "damping" | "confidence" => {
                    let x: f64 = head
                        .next()
                        .and_then(|x| x.parse().ok())
                        .filter(|x: &f64| x.is_finite() && *x >= 0.0)
                        .ok_or_else(|| LexiconError::at(FILE, n, format!("{what}: not a number")))?;
                    match what {
                        "temper" => t.temper = x,
                        "guess_temper" => guess_temper = Some(x),
                        "damping" => t.damping = x,
                        _ => t.confidence = x.min(0.999_999),
                    }
                }
                "span" | "set" | "weekday" => {
                    let name = head.next().unwrap_or("");
                    let kind = Kind::from_name(name)
                        .ok_or_else(|| LexiconError::at(FILE, n, format!("unknown kind of cue {name:?}")))?;
                    let rest = head.next().unwrap_or("");
                    let k = kind.index();
                    let n_fit = parts
                        .get(1)
                        .and_then(|p| p.strip_prefix("n="))
                        .and_then(|x| x.trim().parse::<usize>().ok())
                        .unwrap_or(1);
                    t.counted[k] = Some(t.counted[k].unwrap_or(0) + n_fit);
                    match what {
                        "span" => t.span[k] = numbers::<BINS>(rest, n, name)?,
                        "set" => t.set[k] = numbers::<1>(rest, n, name)?[0].min(1.0),
                        _ => t.weekday[k] = numbers::<7>(rest, n, name)?,
                    }
                }
                other => {
                    return Err(LexiconError::at(
                        FILE,
                        n,
                        format!("unknown line {other:?} (expected span, set, weekday, temper, guess_temper, damping or confidence)"),
                    ))
                }
            }
        }
        // a table with one temper reads its best day with it too
        t.guess_temper = guess_temper.unwrap_or(t.temper);
        Ok(t)
    }

    /// Write the table in the form [`Table::parse`] reads, each line with
    /// its count and `source`.
    pub fn format(&self, counts: &Counts, source: &str) -> String {
        let mut out = String::new();
        out.push_str("# grammar/cues.txt: the learned likelihood of each kind of cue to the publication date\n");
        out.push_str("# (issue 13), written by `cargo run --release --example fit_cues`; do not edit by hand.\n");
        out.push_str(
            "# FORMAT: span KIND p0..p14 | n=N | SOURCE   shares of gold days per bin from the stated span:\n",
        );
        out.push_str("#   >10y before, 5-10y, 1-5y, 31d-1y, 8-30d, 2-7d, 1d before, inside,\n");
        out.push_str("#   1d after, 2-7d, 8-30d, 31d-1y, 1-5y, 5-10y, >10y after\n");
        out.push_str("#         set KIND r | n=N | SOURCE       share of gold days inside the set\n");
        out.push_str(
            "#         weekday KIND q0..q6 | n=N | SOURCE  share of gold days 0..6 days after the told weekday\n",
        );
        out.push_str("#         temper T | SOURCE   guess_temper T | SOURCE (the best day's)\n");
        out.push_str("#         damping G | SOURCE   confidence C | SOURCE\n");
        let f = |xs: &[f64]| xs.iter().map(|x| format!("{x:.5}")).collect::<Vec<_>>().join(" ");
        for kind in Kind::ALL {
            let k = kind.index();
            if counts.span[k] > 0 {
                out.push_str(&format!(
                    "span {} {} | n={} | {source}\n",
                    kind.name(),
                    f(&self.span[k]),
                    counts.span[k]
                ));
            }
            if counts.set[k] > 0 {
                out.push_str(&format!(
                    "set {} {:.5} | n={} | {source}\n",
                    kind.name(),
                    self.set[k],
                    counts.set[k]
                ));
            }
            if counts.weekday[k] > 0 {
                out.push_str(&format!(
                    "weekday {} {} | n={} | {source}\n",
                    kind.name(),
                    f(&self.weekday[k]),
                    counts.weekday[k]
                ));
            }
        }
        out.push_str(&format!("temper {:.3} | {source}\n", self.temper));
        out.push_str(&format!("guess_temper {:.3} | {source}\n", self.guess_temper));
        out.push_str(&format!("damping {:.3} | {source}\n", self.damping));
        out.push_str(&format!(
            "confidence {:.3} | the default stated probability (issue 13)\n",
            self.confidence
        ));
        out
    }
}

/// How many cues of each kind and shape a table was counted from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Counts {
    /// Span cues per kind.
    pub span: Vec<usize>,
    /// Set cues per kind.
    pub set: Vec<usize>,
    /// Weekday cues per kind.
    pub weekday: Vec<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_loads() {
        assert!(Table::default_loaded().is_ok(), "{:?}", Table::default_loaded().err());
    }

    #[test]
    fn errors_name_the_line() {
        let e = Table::parse("# c\nspan past_day 1 2 | n=1 | x\n").expect_err("short");
        assert_eq!(e.to_string(), "grammar/cues.txt:2: past_day: expected 15 numbers");
        let e = Table::parse("set nothing 0.5 | n=1 | x\n").expect_err("kind");
        assert_eq!(e.to_string(), "grammar/cues.txt:1: unknown kind of cue \"nothing\"");
    }

    #[test]
    fn a_written_table_reads_back() {
        let mut t = Table::default();
        t.set[Kind::Duration.index()] = 0.875;
        t.temper = 2.5;
        let n = Kind::ALL.len();
        let c = Counts {
            span: vec![1; n],
            set: vec![1; n],
            weekday: vec![1; n],
        };
        let back = Table::parse(&t.format(&c, "test")).expect("reads");
        assert!((back.set[Kind::Duration.index()] - 0.875).abs() < 1e-9);
        assert!((back.temper - 2.5).abs() < 1e-9);
    }
}
