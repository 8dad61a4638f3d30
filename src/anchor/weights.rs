//! The weights and thresholds of the inference, as data
//! (`grammar/weights.txt`, issue 11): one line per value with its name, its
//! source and its reason, loaded once and checked, exposed as [`Weights`].
//! A test can change any value ([`Weights::set`]) and run the inference with
//! it ([`super::infer_with_weights`]).

use std::sync::OnceLock;

use crate::grammar::lexicon::LexiconError;

/// The registry file, as named in errors.
const FILE: &str = "grammar/weights.txt";
/// The registry, embedded in the binary.
const TEXT: &str = include_str!("../../grammar/weights.txt");

/// A registered value's type: a count, a number of days or bytes, or a score.
trait Value: Copy {
    fn from_f64(x: f64) -> Option<Self>;
    fn to_f64(self) -> f64;
}

impl Value for f64 {
    fn from_f64(x: f64) -> Option<f64> {
        x.is_finite().then_some(x)
    }
    fn to_f64(self) -> f64 {
        self
    }
}

impl Value for i64 {
    fn from_f64(x: f64) -> Option<i64> {
        (x.fract() == 0.0 && x.abs() < 1e15).then_some(x as i64)
    }
    fn to_f64(self) -> f64 {
        self as f64
    }
}

impl Value for i32 {
    fn from_f64(x: f64) -> Option<i32> {
        i64::from_f64(x).and_then(|v| i32::try_from(v).ok())
    }
    fn to_f64(self) -> f64 {
        f64::from(self)
    }
}

impl Value for usize {
    fn from_f64(x: f64) -> Option<usize> {
        i64::from_f64(x).and_then(|v| usize::try_from(v).ok())
    }
    fn to_f64(self) -> f64 {
        self as f64
    }
}

macro_rules! weights {
    ($($(#[doc = $doc:literal])* $name:ident: $ty:ty,)*) => {
        /// Every weight and threshold of the inference of publication dates,
        /// one field per line of `grammar/weights.txt` (where each has its
        /// source and reason).
        #[derive(Debug, Clone, PartialEq)]
        pub struct Weights {
            $($(#[doc = $doc])* pub $name: $ty,)*
        }

        impl Weights {
            /// The registered names, in the order of the struct.
            pub const NAMES: &'static [&'static str] = &[$(stringify!($name)),*];

            /// The value of the weight `name` (as a number), if registered.
            pub fn get(&self, name: &str) -> Option<f64> {
                match name {
                    $(stringify!($name) => Some(Value::to_f64(self.$name)),)*
                    _ => None,
                }
            }

            /// Set the weight `name`; false when the name is unknown or the
            /// value does not fit its type (a count must be whole).
            pub fn set(&mut self, name: &str, x: f64) -> bool {
                match name {
                    $(stringify!($name) => match <$ty as Value>::from_f64(x) {
                        Some(v) => {
                            self.$name = v;
                            true
                        }
                        None => false,
                    },)*
                    _ => false,
                }
            }

            /// Whether the weight `name` is a whole number (a count, days, bytes).
            pub fn is_whole(name: &str) -> bool {
                match name {
                    $(stringify!($name) => <$ty as Value>::from_f64(0.5).is_none(),)*
                    _ => false,
                }
            }

            /// Read a registry: `name | value | source | reason` a line.
            /// Every field must be given once, each line must name a field,
            /// and a value must fit its field's type.
            pub fn parse(file: &str, text: &str) -> Result<Weights, LexiconError> {
                $(let mut $name: Option<$ty> = None;)*
                let mut has_format = false;
                for (n, line) in text.lines().enumerate() {
                    let t = line.trim();
                    if t.starts_with('#') {
                        has_format |= t.contains("FORMAT:");
                        continue;
                    }
                    if t.is_empty() {
                        continue;
                    }
                    let parts: Vec<&str> = t.split(" | ").map(str::trim).collect();
                    let [key, value, source, reason] = parts.as_slice() else {
                        return Err(LexiconError::at(file, n + 1, format!(
                            "expected `name | value | source | reason`, found {line:?}")));
                    };
                    if source.is_empty() || reason.is_empty() {
                        return Err(LexiconError::at(file, n + 1, format!("{key}: a source and a reason are required")));
                    }
                    let x: f64 = value.parse().map_err(|_| {
                        LexiconError::at(file, n + 1, format!("{key}: {value:?} is not a number"))
                    })?;
                    match *key {
                        $(stringify!($name) => {
                            if $name.is_some() {
                                return Err(LexiconError::at(file, n + 1, format!("{key} is given twice")));
                            }
                            $name = Some(<$ty as Value>::from_f64(x).ok_or_else(|| {
                                LexiconError::at(file, n + 1, format!("{key}: {value} does not fit a {}", stringify!($ty)))
                            })?);
                        })*
                        _ => return Err(LexiconError::at(file, n + 1, format!("{key:?} is no weight of the inference"))),
                    }
                }
                if !has_format {
                    return Err(LexiconError::no_format(file));
                }
                Ok(Weights {
                    $($name: $name.ok_or_else(|| {
                        LexiconError::in_file(file, format!("{} is not given", stringify!($name)))
                    })?,)*
                })
            }
        }
    };
}

weights! {
    /// Bytes from the start of the body within which a date counts as the head.
    head_bytes: usize,
    /// Days a year-less date may lie from the publication day.
    yearless_horizon_days: i64,
    /// The widest interval (exclusive) still called determined.
    determined_days: i64,
    /// Days either side of a pin a statement must exclude to contradict it.
    pin_tolerance_days: i64,
    /// References that vote.
    neighbours: usize,
    /// Cosine similarity below which a reference says nothing.
    min_similarity: f64,
    /// Proper nouns two articles must share for one to vote on the other.
    names_shared: usize,
    /// The similarity from which a neighbour is close (kind `neighbour`,
    /// else `neighbour_far`; each kind's reliability is learned apart).
    close_similarity: f64,
    /// A word in more than this share of the articles says nothing.
    max_doc_share: f64,
    /// A word in fewer articles than this says nothing.
    min_doc_count: usize,
    /// The shortest word compared, in characters.
    min_word_chars: usize,
    /// Names that tie an article to a story.
    story_names: usize,
    /// Days either side of a year-less day within which a story's days vote.
    story_window_days: i64,
    /// Votes a story's year needs.
    story_min_votes: usize,
    /// How many times the runner-up's votes the leading year needs.
    story_lead: usize,
    /// A word in more dated tellings than this says nothing.
    event_max_tellings: usize,
    /// Content words a sentence must share with a dated telling.
    event_shared_words: usize,
}

impl Weights {
    /// The registry embedded from `grammar/weights.txt`, read once.
    pub fn default_loaded() -> Result<&'static Weights, &'static LexiconError> {
        static W: OnceLock<Result<Weights, LexiconError>> = OnceLock::new();
        W.get_or_init(|| Weights::parse(FILE, TEXT)).as_ref()
    }
}

/// The anchors of documents when the registry does not load: each
/// under-determined, its reason naming the broken line (the file is
/// embedded, so only a build with a broken registry gets here).
pub(super) fn unloaded(docs: &[crate::ingest::Document], e: &LexiconError) -> Vec<super::Anchor> {
    let at = e.line.map(|l| format!(" line {l}")).unwrap_or_default();
    docs.iter()
        .map(|d| super::Anchor {
            confidence: None,
            doc: d.id.clone(),
            earliest: None,
            latest: None,
            best: None,
            status: super::Status::UnderDetermined,
            reason: Some(format!("{}{at}: {}", e.file, e.what)),
            text_earliest: None,
            text_latest: None,
            evidence: Vec::new(),
            conflicts: Vec::new(),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_registry_loads_with_every_field() {
        let w = Weights::default_loaded().expect("grammar/weights.txt loads");
        assert_eq!(w.head_bytes, 400);
        for n in Weights::NAMES {
            assert!(w.get(n).is_some(), "{n}");
        }
    }

    #[test]
    fn a_broken_line_names_file_and_line() {
        let e = Weights::parse("w.txt", "# FORMAT: x\nhead_bytes | 4x0 | s | r\n").expect_err("bad number");
        assert_eq!((e.file.as_str(), e.line), ("w.txt", Some(2)));
        let e = Weights::parse("w.txt", "# FORMAT: x\n\nnope | 1 | s | r\n").expect_err("unknown name");
        assert_eq!(e.line, Some(3));
        let e = Weights::parse("w.txt", "# FORMAT: x\nhead_bytes | 1.5 | s | r\n").expect_err("not whole");
        assert_eq!(e.line, Some(2));
        let e = Weights::parse("w.txt", "# FORMAT: x\nhead_bytes | 1 | s\n").expect_err("no reason");
        assert_eq!(e.line, Some(2));
        let e = Weights::parse("w.txt", "# FORMAT: x\nhead_bytes | 1 | s | r\n").expect_err("missing fields");
        assert_eq!(e.line, None);
    }
}
