//! The story stage's data, embedded at build time and parsed once:
//! event words and stop words (`grammar/story_events.txt`), the forms of
//! sentences that are no event (`grammar/not_events.txt`) and the learned
//! weights of day salience (`grammar/timeline_weights.txt`).
//!
//! ```text
//! story_events.txt   event WORD... | stop WORD...
//! not_events.txt     start PHRASE | within PHRASE | example SENTENCE | not SENTENCE
//! timeline_weights   NAME | VALUE | SOURCE | REASON
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use crate::grammar::data_lines;
pub use crate::grammar::lexicon::LexiconError;

const EVENTS: &str = include_str!("../../grammar/story_events.txt");
const NOT_EVENTS: &str = include_str!("../../grammar/not_events.txt");
const WEIGHTS: &str = include_str!("../../grammar/timeline_weights.txt");
const STOPWORDS: &str = include_str!("../../grammar/stopwords.txt");

/// The names of the day features, in the order the model reads them.
pub const FEATURES: [&str; N_FEATURES] = [
    "docs",
    "lead",
    "published",
    "later",
    "spread",
    "self",
    "explicit",
    "multi",
    "mentions",
    "pub0",
    "told",
];

/// How many day features there are.
pub const N_FEATURES: usize = 11;

/// The parsed data of the story stage.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Lexicon {
    /// Event word → the index of its kind of happening.
    pub kind: BTreeMap<String, usize>,
    /// Words left out of a report's content words.
    pub stop: BTreeSet<String>,
    /// Lowercase openings of sentences that are no event.
    pub not_start: Vec<String>,
    /// Lowercase forms that make a sentence no event wherever they are.
    pub not_within: Vec<String>,
    /// The examples of `not_events.txt`: (sentence, is no event).
    pub examples: Vec<(String, bool)>,
    /// The bias of the day-salience model.
    pub bias: f64,
    /// Its weights, in [`FEATURES`] order.
    pub weights: [f64; N_FEATURES],
}

/// Parse the three files (`events`, `not_events`, `weights`) and the shared stop words.
pub fn parse(events: &str, not_events: &str, weights: &str, stopwords: &str) -> Result<Lexicon, LexiconError> {
    let mut lex = Lexicon::default();
    for (n, line) in data_lines(events) {
        let mut words = line.split_whitespace();
        match words.next() {
            Some("event") => {
                let k = lex.kind.len();
                for w in words {
                    lex.kind.entry(w.to_lowercase()).or_insert(k);
                }
            }
            Some("stop") => lex.stop.extend(words.map(str::to_lowercase)),
            _ => {
                return Err(LexiconError::at(
                    "grammar/story_events.txt",
                    n,
                    "expected `event WORD...` or `stop WORD...`",
                ))
            }
        }
    }
    for (_, line) in data_lines(stopwords) {
        lex.stop.insert(line.to_lowercase());
    }
    for (n, line) in data_lines(not_events) {
        let (head, rest) = line.split_once(' ').unwrap_or((line, ""));
        let rest = rest.trim().to_string();
        if rest.is_empty() {
            return Err(LexiconError::at("grammar/not_events.txt", n, "a form needs its text"));
        }
        match head {
            "start" => lex.not_start.push(rest.to_lowercase()),
            "within" => lex.not_within.push(rest.to_lowercase()),
            "example" => lex.examples.push((rest, true)),
            "not" => lex.examples.push((rest, false)),
            _ => {
                return Err(LexiconError::at(
                    "grammar/not_events.txt",
                    n,
                    "expected `start`, `within`, `example` or `not` and a text",
                ))
            }
        }
    }
    let mut seen = [false; N_FEATURES];
    for (n, line) in data_lines(weights) {
        let fields: Vec<&str> = line.split('|').map(str::trim).collect();
        let bad = || {
            LexiconError::at(
                "grammar/timeline_weights.txt",
                n,
                "expected `NAME | VALUE | SOURCE | REASON`",
            )
        };
        if fields.len() != 4 {
            return Err(bad());
        }
        let v: f64 = fields[1].parse().map_err(|_| bad())?;
        if !v.is_finite() {
            return Err(bad());
        }
        if fields[0] == "bias" {
            lex.bias = v;
        } else if let Some(i) = FEATURES.iter().position(|f| *f == fields[0]) {
            lex.weights[i] = v;
            seen[i] = true;
        } else {
            return Err(LexiconError::at(
                "grammar/timeline_weights.txt",
                n,
                format!("unknown feature {:?}", fields[0]),
            ));
        }
    }
    if let Some(i) = seen.iter().position(|s| !s) {
        return Err(LexiconError {
            file: "grammar/timeline_weights.txt".into(),
            line: None,
            what: format!("no weight for {:?}", FEATURES[i]),
        });
    }
    Ok(lex)
}

impl Lexicon {
    /// Whether a sentence is page furniture, not an event (`not_events.txt`).
    pub fn not_event(&self, sentence: &str) -> bool {
        let s = sentence.trim_start().to_lowercase();
        self.not_start
            .iter()
            .any(|p| s.starts_with(p.as_str()) && s[p.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric()))
            || self.not_within.iter().any(|p| s.contains(p.as_str()))
    }
}

/// The embedded data, parsed once.
fn loaded() -> Result<&'static Lexicon, &'static LexiconError> {
    static LEX: OnceLock<Result<Lexicon, LexiconError>> = OnceLock::new();
    LEX.get_or_init(|| parse(EVENTS, NOT_EVENTS, WEIGHTS, STOPWORDS))
        .as_ref()
}

/// The embedded data (empty if it failed to parse: [`check`], run at start
/// through `pipeline::Pipeline::new`, reports that with the file and line).
pub fn get() -> &'static Lexicon {
    static EMPTY: OnceLock<Lexicon> = OnceLock::new();
    loaded().unwrap_or_else(|_| EMPTY.get_or_init(Lexicon::default))
}

/// Load the embedded data (once) and check it: an error names the file and line.
pub fn check() -> Result<(), LexiconError> {
    loaded().map(|_| ()).map_err(Clone::clone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_files_load() {
        assert_eq!(check(), Ok(()));
        assert!(get().kind.contains_key("declared"));
    }

    #[test]
    fn every_example_and_negative_of_not_events_holds() {
        let lex = get();
        assert!(lex.examples.len() >= 8);
        for (s, furniture) in &lex.examples {
            assert_eq!(lex.not_event(s), *furniture, "{s}");
        }
    }

    #[test]
    fn a_broken_line_names_its_file_and_line() {
        let e = parse("event vote\nbogus line\n", NOT_EVENTS, WEIGHTS, "").err();
        let e = e.expect("an unknown line is an error");
        assert_eq!((e.file.as_str(), e.line), ("grammar/story_events.txt", Some(2)));
        let w = WEIGHTS.replace("docs |", "dogs |");
        let e = parse(EVENTS, NOT_EVENTS, &w, "").expect_err("unknown feature");
        assert_eq!(e.file, "grammar/timeline_weights.txt");
    }
}
