//! Anchors: each document's publication date, inferred from the text as an
//! interval with its evidence, or pinned by a person (issue 3).
