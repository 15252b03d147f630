//! What the fuzz targets share: one input cut into several strings or files.
//!
//! Parts are separated by the byte 0xFF, which UTF-8 never uses, so the fuzzer's mutations
//! of JSON and text stay within their part, and a seed is the files of a corpus joined.

use claimcheck::corpus::MemoryFiles;

pub const SEPARATOR: u8 = 0xFF;

/// The parts of an input, each as text (invalid UTF-8 replaced).
pub fn parts(data: &[u8]) -> Vec<String> {
    data.split(|&b| b == SEPARATOR).map(|p| String::from_utf8_lossy(p).into_owned()).collect()
}

/// Where each part of a corpus input goes. A source's `path` must name its text as here.
pub const CORPUS_FILES: &[&str] = &[
    "registry/registry.json",
    "sources/a.json",
    "texts/a.txt",
    "sources/b.json",
    "texts/b.txt",
    "coverage.json",
    "coverage-ignore.json",
];

/// A corpus in memory from an input: its parts as the files of [`CORPUS_FILES`], bytes as
/// they are (the loader must cope with bytes that are not UTF-8).
pub fn corpus(data: &[u8]) -> MemoryFiles {
    let mut files = MemoryFiles::new("fuzz");
    for (part, name) in data.split(|&b| b == SEPARATOR).zip(CORPUS_FILES) {
        files.insert(*name, part.to_vec());
    }
    files
}
