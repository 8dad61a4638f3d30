//! Ordering: the petgraph constraint network over events and publication
//! dates, its solution, conflicts and the chronology's total order (issue 4).
