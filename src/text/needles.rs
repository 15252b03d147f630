//! Where each of many needles first stands in a long text, in one pass over the text.
//!
//! An Aho-Corasick automaton of every quote of a source does this too, but its build walks
//! a trie as large as all the quotes together: at 20,000 quotes a source it no longer fits
//! in the cache, and building it cost more than reading the text. Here each needle is
//! filed under its first sixteen bytes (eight Arabic letters: fewer would be a common
//! word and its neighbour's first letters, and match all over a text); one pass reads the
//! text through a bit filter small enough for the cache, and only where some needle may
//! start looks among the needles that begin so (sorted, searched by halves).

use rustc_hash::FxHashMap;

/// Bytes of a needle's start that file it; shorter needles go to a small automaton.
const ANCHOR: usize = 16;

/// For each needle, the byte offset of its first occurrence in `text`, or `None`. An empty
/// needle is never found.
pub fn first_each(text: &str, needles: &[&str]) -> Vec<Option<usize>> {
    let mut found: Vec<Option<usize>> = vec![None; needles.len()];
    let (long, short): (Vec<usize>, Vec<usize>) =
        (0..needles.len()).filter(|&i| !needles[i].is_empty()).partition(|&i| needles[i].len() >= ANCHOR);
    if !short.is_empty() {
        short_needles(text, needles, &short, &mut found);
    }
    if !long.is_empty() {
        Anchors::new(needles, long).scan(text, &mut found);
    }
    found
}

/// Needles shorter than an anchor: few, and an automaton of them is small.
fn short_needles(text: &str, needles: &[&str], short: &[usize], found: &mut [Option<usize>]) {
    let Ok(automaton) = aho_corasick::AhoCorasick::new(short.iter().map(|&i| needles[i])) else { return };
    let mut left = short.len();
    for m in automaton.find_overlapping_iter(text) {
        let slot = &mut found[short[m.pattern().as_usize()]];
        if slot.is_none() {
            *slot = Some(m.start());
            left -= 1;
            if left == 0 {
                break;
            }
        }
    }
}

fn anchor_of(bytes: &[u8]) -> u128 {
    let mut a = [0u8; ANCHOR];
    a.copy_from_slice(&bytes[..ANCHOR]);
    u128::from_le_bytes(a)
}

/// The needles of at least [`ANCHOR`] bytes, filed by their first bytes.
struct Anchors {
    /// The needles' bytes, copied group after group and each group in sorted order, so
    /// that a search within a group reads memory that lies together.
    bytes: Vec<u8>,
    /// The needles in that order.
    sorted: Vec<Entry>,
    /// Each anchor's needles: a range of `sorted`.
    groups: FxHashMap<u128, std::ops::Range<usize>>,
    /// One bit per hash of an anchor: most places in a text start no needle.
    filter: Vec<u64>,
    bits: u32,
    longest: usize,
}

/// A needle of [`Anchors`]: where its bytes are, and its index among the needles asked for.
struct Entry {
    bytes: std::ops::Range<usize>,
    index: usize,
}

impl Anchors {
    fn new(needles: &[&str], long: Vec<usize>) -> Anchors {
        let mut by_anchor: FxHashMap<u128, Vec<usize>> = FxHashMap::default();
        for &i in &long {
            by_anchor.entry(anchor_of(needles[i].as_bytes())).or_default().push(i);
        }
        let mut bytes = Vec::with_capacity(long.iter().map(|&i| needles[i].len()).sum());
        let mut sorted = Vec::with_capacity(long.len());
        let mut groups = FxHashMap::default();
        for (anchor, mut group) in by_anchor {
            group.sort_unstable_by(|&a, &b| needles[a].cmp(needles[b]).then(a.cmp(&b)));
            let first = sorted.len();
            for index in group {
                let at = bytes.len();
                bytes.extend_from_slice(needles[index].as_bytes());
                sorted.push(Entry { bytes: at..bytes.len(), index });
            }
            groups.insert(anchor, first..sorted.len());
        }
        // About 16 bits an anchor keeps false hits near 6%; at least 4 KiB, at most 512 KiB.
        let bits = (groups.len() * 16).next_power_of_two().trailing_zeros().clamp(15, 22);
        let mut filter = vec![0u64; 1 << (bits - 6)];
        for &anchor in groups.keys() {
            let h = Self::hash(anchor, bits);
            filter[h >> 6] |= 1 << (h & 63);
        }
        let longest = long.iter().map(|&i| needles[i].len()).max().unwrap_or(0);
        Anchors { bytes, sorted, groups, filter, bits, longest }
    }

    fn hash(anchor: u128, bits: u32) -> usize {
        let folded = (anchor as u64) ^ ((anchor >> 64) as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
    }

    fn scan(&self, text: &str, found: &mut [Option<usize>]) {
        let bytes = text.as_bytes();
        let mut left = self.sorted.len();
        for at in 0..(bytes.len() + 1).saturating_sub(ANCHOR) {
            // A needle is text: it starts where a character does.
            if !text.is_char_boundary(at) {
                continue;
            }
            let anchor = anchor_of(&bytes[at..]);
            let h = Self::hash(anchor, self.bits);
            if self.filter[h >> 6] & (1 << (h & 63)) == 0 {
                continue;
            }
            let Some(group) = self.groups.get(&anchor) else { continue };
            let rest = &bytes[at..bytes.len().min(at + self.longest)];
            self.starting(&self.sorted[group.clone()], rest, |i| {
                if found[i].is_none() {
                    found[i] = Some(at);
                    left -= 1;
                }
            });
            if left == 0 {
                break;
            }
        }
    }

    /// Calls `each` with every needle of `group` that `rest` starts with. The needles are
    /// sorted, so the longest one that fits is the greatest not above `rest`; any shorter one
    /// that fits is a prefix of what both share, and is found the same way below it.
    fn starting(&self, group: &[Entry], mut rest: &[u8], mut each: impl FnMut(usize)) {
        let needle = |k: usize| &self.bytes[group[k].bytes.clone()];
        let mut below = group.len();
        while rest.len() >= ANCHOR {
            let (k, shared) = self.not_above(&group[..below], rest);
            if k == 0 {
                return;
            }
            let candidate = needle(k - 1);
            if shared == candidate.len() {
                // It fits, and so do its copies just below it.
                below = k;
                while below > 0 && needle(below - 1) == candidate {
                    each(group[below - 1].index);
                    below -= 1;
                }
                rest = &rest[..candidate.len() - 1];
            } else {
                below = k - 1;
                rest = &rest[..shared];
            }
        }
    }

    /// How many needles of `group` are not above `rest`, and how many bytes the last of them
    /// shares with `rest`. Needles of a group often share long starts ("وقال المتحدث باسم
    /// وزارة"), so each step compares from what the bounds already share with `rest`, never
    /// from the start: a needle between two bounds shares with `rest` at least what both do.
    fn not_above(&self, group: &[Entry], rest: &[u8]) -> (usize, usize) {
        // Every needle of a group, and `rest`, begin with the same anchor.
        let (mut lo, mut hi) = (0, group.len());
        let (mut shared_lo, mut shared_hi) = (ANCHOR, ANCHOR);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let needle = &self.bytes[group[mid].bytes.clone()];
            let skip = shared_lo.min(shared_hi).min(needle.len()).min(rest.len());
            let shared = skip + common_prefix(&needle[skip..], &rest[skip..]);
            let not_above = shared == needle.len() || (shared < rest.len() && needle[shared] < rest[shared]);
            if not_above {
                (lo, shared_lo) = (mid + 1, shared);
            } else {
                (hi, shared_hi) = (mid, shared);
            }
        }
        (lo, if lo == 0 { 0 } else { shared_lo })
    }
}

/// How many bytes `a` and `b` share at their start, compared eight at a time.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let word = |s: &[u8], i: usize| u64::from_le_bytes(s[i..i + 8].try_into().expect("eight bytes"));
    let mut i = 0;
    while i + 8 <= n {
        let differ = word(a, i) ^ word(b, i);
        if differ != 0 {
            return i + (differ.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + a[i..n].iter().zip(&b[i..n]).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(text: &str, needles: &[&str]) -> Vec<Option<usize>> {
        needles.iter().map(|n| if n.is_empty() { None } else { text.find(n) }).collect()
    }

    #[test]
    fn finds_the_first_place_of_each_needle_nested_or_not() {
        let text = "قال إن نحو 2500 جندي وصلوا، ثم قال إن نحو 2500 جندي غادروا وبقي 500 جندي";
        let needles = [
            "نحو 2500 جندي غادروا",
            "نحو 2500 جندي",
            "نحو 2500 جندي",
            "500 جندي",
            "2500",
            "قال إن نحو 2500 جندي وصلوا",
            "لم يرد",
            "",
            "جندي",
        ];
        assert_eq!(first_each(text, &needles), naive(text, &needles));
    }

    proptest! {
        /// Small alphabets make needles that share starts, nest and repeat.
        #[test]
        fn agrees_with_searching_each_needle_alone(
            text in "[ab ج]{0,300}",
            needles in proptest::collection::vec("[ab ج]{0,30}", 0..40),
        ) {
            let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
            prop_assert_eq!(first_each(&text, &needles), naive(&text, &needles));
        }

        /// Needles that share their anchor and more, as a source's quotes often do: the
        /// search within a group is what this exercises.
        #[test]
        fn finds_needles_that_share_long_starts(
            tails in proptest::collection::vec("[ab]{0,12}", 1..60),
            pieces in proptest::collection::vec("[ab]{0,12}", 0..40),
        ) {
            let start = "وقال المتحدث";
            let needles: Vec<String> = tails.iter().map(|t| format!("{start}{t}")).collect();
            let needles: Vec<&str> = needles.iter().map(String::as_str).collect();
            let text: String = pieces.iter().map(|p| format!("{start}{p} ")).collect();
            prop_assert_eq!(first_each(&text, &needles), naive(&text, &needles));
        }

        /// Needles cut from the text itself: most are found, many share their first bytes.
        #[test]
        fn finds_needles_cut_from_the_text(
            text in "[abc]{20,300}",
            cuts in proptest::collection::vec((0usize..300, 1usize..40), 1..60),
        ) {
            let needles: Vec<&str> = cuts
                .iter()
                .map(|&(at, len)| {
                    let at = at % text.len();
                    &text[at..(at + len).min(text.len())]
                })
                .collect();
            prop_assert_eq!(first_each(&text, &needles), naive(&text, &needles));
        }
    }
}
