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
    short_needles(text, needles, &short, &mut found);
    if !long.is_empty() {
        Anchors::new(needles, long).scan(text.as_bytes(), &mut found);
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
struct Anchors<'n> {
    needles: Vec<&'n [u8]>,
    /// Each anchor's needles (indexes into `needles`), sorted by their bytes.
    groups: FxHashMap<u128, Vec<u32>>,
    /// One bit per hash of an anchor: most places in a text start no needle.
    filter: Vec<u64>,
    bits: u32,
    longest: usize,
}

impl<'n> Anchors<'n> {
    fn new(all: &[&'n str], long: Vec<usize>) -> Anchors<'n> {
        let needles: Vec<&[u8]> = all.iter().map(|n| n.as_bytes()).collect();
        let mut groups: FxHashMap<u128, Vec<u32>> = FxHashMap::default();
        for &i in &long {
            groups.entry(anchor_of(needles[i])).or_default().push(i as u32);
        }
        for group in groups.values_mut() {
            group.sort_unstable_by(|&a, &b| needles[a as usize].cmp(needles[b as usize]).then(a.cmp(&b)));
        }
        // About 16 bits an anchor keeps false hits near 6%; at least 4 KiB, at most 512 KiB.
        let bits = (groups.len() * 16).next_power_of_two().trailing_zeros().clamp(15, 22);
        let mut filter = vec![0u64; 1 << (bits - 6)];
        for &anchor in groups.keys() {
            let h = Self::hash(anchor, bits);
            filter[h >> 6] |= 1 << (h & 63);
        }
        let longest = long.iter().map(|&i| needles[i].len()).max().unwrap_or(0);
        Anchors { needles, groups, filter, bits, longest }
    }

    fn hash(anchor: u128, bits: u32) -> usize {
        let folded = (anchor as u64) ^ ((anchor >> 64) as u64).wrapping_mul(0xC2B2_AE3D_27D4_EB4F);
        (folded.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize
    }

    fn scan(&self, text: &[u8], found: &mut [Option<usize>]) {
        let mut left: usize = self.groups.values().map(Vec::len).sum();
        for at in 0..(text.len() + 1).saturating_sub(ANCHOR) {
            let anchor = anchor_of(&text[at..]);
            let h = Self::hash(anchor, self.bits);
            if self.filter[h >> 6] & (1 << (h & 63)) == 0 {
                continue;
            }
            let Some(group) = self.groups.get(&anchor) else { continue };
            let rest = &text[at..text.len().min(at + self.longest)];
            self.starting(group, rest, |i| {
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
    fn starting(&self, group: &[u32], mut rest: &[u8], mut each: impl FnMut(usize)) {
        let needle = |k: usize| self.needles[group[k] as usize];
        let mut below = group.len();
        while rest.len() >= ANCHOR {
            let k = group[..below].partition_point(|&i| self.needles[i as usize] <= rest);
            if k == 0 {
                return;
            }
            let candidate = needle(k - 1);
            let shared = candidate.iter().zip(rest).take_while(|(a, b)| a == b).count();
            if shared == candidate.len() {
                // It fits, and so do its copies just below it.
                below = k;
                while below > 0 && needle(below - 1) == candidate {
                    each(group[below - 1] as usize);
                    below -= 1;
                }
                rest = &rest[..candidate.len() - 1];
            } else {
                below = k - 1;
                rest = &rest[..shared];
            }
        }
    }
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
