use std::fmt;
use std::ops::Range;

/// A half-open byte range inside one file's text. Offsets are 32 bits wide,
/// as spans are most of what a syntax tree and a model hold: a text is at
/// most [`Span::MAX_TEXT`] bytes long, which `syntax::parse` enforces.
///
/// Both offsets are one 64-bit word, the start in its upper half: a span is
/// written in one store, so that reading it back whole right after (as a
/// node that holds it is moved) is served from the store buffer rather than
/// waiting for two halves to reach the cache; and the word orders spans by
/// start, then end. Packed to 4 bytes, so that a span beside a 32-bit field
/// adds no padding.
#[repr(C, packed(4))]
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct Span {
    bounds: u64,
}

impl Span {
    /// The longest text whose every offset a span can hold.
    pub const MAX_TEXT: usize = u32::MAX as usize;

    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span {start}..{end} is inverted");
        debug_assert!(end <= Span::MAX_TEXT, "span {start}..{end} is past 4 GiB");
        Span::from_bounds(start as u32, end as u32)
    }

    fn from_bounds(start: u32, end: u32) -> Span {
        Span {
            bounds: (u64::from(start) << 32) | u64::from(end),
        }
    }

    fn start_u32(self) -> u32 {
        (self.bounds >> 32) as u32
    }

    fn end_u32(self) -> u32 {
        self.bounds as u32
    }

    pub fn empty(at: usize) -> Span {
        Span::new(at, at)
    }

    pub fn start(self) -> usize {
        self.start_u32() as usize
    }

    pub fn end(self) -> usize {
        self.end_u32() as usize
    }

    pub fn len(self) -> usize {
        (self.end_u32() - self.start_u32()) as usize
    }

    pub fn is_empty(self) -> bool {
        self.start_u32() == self.end_u32()
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::from_bounds(
            self.start_u32().min(other.start_u32()),
            self.end_u32().max(other.end_u32()),
        )
    }

    /// Whether `offset` lies inside the span or touches its end, which is
    /// where an editor cursor sits right after a word.
    pub fn touches(self, offset: usize) -> bool {
        self.start() <= offset && offset <= self.end()
    }

    pub fn contains_span(self, other: Span) -> bool {
        self.start_u32() <= other.start_u32() && other.end_u32() <= self.end_u32()
    }

    pub fn range(self) -> Range<usize> {
        self.start()..self.end()
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start(), self.end())
    }
}

/// Index of a file in a workspace, stable for the life of one model.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct FileId(pub u32);

impl FileId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

/// A span together with the file it belongs to.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct FileSpan {
    pub file: FileId,
    pub span: Span,
}

impl FileSpan {
    pub fn new(file: FileId, span: Span) -> FileSpan {
        FileSpan { file, span }
    }
}

#[cfg(test)]
mod tests {
    use super::Span;

    #[test]
    fn spans_order_by_start_then_end() {
        let mut spans = [
            Span::new(4, 9),
            Span::new(0, 7),
            Span::new(4, 5),
            Span::new(0, 0),
            Span::new(Span::MAX_TEXT, Span::MAX_TEXT),
            Span::new(3, Span::MAX_TEXT),
        ];
        spans.sort();
        let bounds: Vec<(usize, usize)> = spans.iter().map(|s| (s.start(), s.end())).collect();
        let max = Span::MAX_TEXT;
        assert_eq!(
            bounds,
            [(0, 0), (0, 7), (3, max), (4, 5), (4, 9), (max, max)]
        );
    }

    #[test]
    fn a_span_keeps_both_offsets_up_to_the_limit() {
        let span = Span::new(Span::MAX_TEXT - 3, Span::MAX_TEXT);
        assert_eq!(span.range(), Span::MAX_TEXT - 3..Span::MAX_TEXT);
        assert_eq!(span.len(), 3);
        assert_eq!(Span::new(2, 5).cover(Span::new(7, 8)), Span::new(2, 8));
        assert!(Span::new(2, 8).contains_span(Span::new(3, 8)));
        assert!(!Span::new(2, 8).contains_span(Span::new(1, 3)));
    }
}
