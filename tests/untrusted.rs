//! Corpora from strangers: each hostile or broken input is refused with exit 2, an error
//! at the file, line and column that caused it, and nothing from outside the corpus folder
//! in the output. One small corpus per case: committed under tests/fixtures/untrusted/, or
//! built here where git cannot hold it (links, FIFOs, modes, very large files).

mod common;

use common::{Output, claimcheck, copy_dir, fixture};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// A string that stands only outside the corpus: if it is printed, a file outside was read.
const SECRET: &str = "claimcheck-test-secret-7f3a9c";

fn run(args: &[&str], dir: Option<&Path>) -> Output {
    let mut cmd = claimcheck();
    cmd.args(args).arg("--color=never").env("CLAIMCHECK_TEST_TOKEN", SECRET).timeout(Duration::from_secs(60));
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let out = cmd.output().unwrap();
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `check` (and `coverage --all`, which prints every line of a text) on a corpus and
/// asserts the refusal: exit 2, the error at `at` saying `says`, nothing from outside.
fn refused(corpus: &str, dir: Option<&Path>, at: &str, says: &str) -> Output {
    let mut first = None;
    for command in [&["check", corpus][..], &["coverage", "--all", corpus][..]] {
        let out = run(command, dir);
        assert_eq!(out.code, 2, "{command:?}: {}{}", out.stdout, out.stderr);
        let error = format!("{at}: error: ");
        let line = out.stderr.lines().find(|l| l.starts_with(&error));
        assert!(line.is_some_and(|l| l.contains(says)), "{command:?}: wanted {error}…{says}…, got:\n{}", out.stderr);
        assert!(out.stderr.lines().any(|l| l.starts_with("  help: ")), "no help:\n{}", out.stderr);
        nothing_from_outside(&out);
        first.get_or_insert(out);
    }
    first.unwrap()
}

fn nothing_from_outside(out: &Output) {
    for leak in [SECRET, "root:x:0:0", "root:*:0:0", "PATH="] {
        assert!(
            !out.stdout.contains(leak) && !out.stderr.contains(leak),
            "{leak} printed:\n{}{}",
            out.stdout,
            out.stderr
        );
    }
}

/// A copy of the clean fixture at `<tmp>/corpus`, and a file outside it holding the secret.
fn scratch() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(Path::new(&fixture("untrusted/clean")), &dir.path().join("corpus"));
    std::fs::write(dir.path().join("secret.txt"), format!("Russia sent 3,000 troops to Kazakhstan {SECRET}\n"))
        .unwrap();
    let root = dir.path().to_path_buf();
    (dir, root)
}

fn untrusted(case: &str) -> String {
    fixture(&format!("untrusted/{case}"))
}

#[test]
fn the_clean_base_corpus_passes() {
    let out = run(&["check", &untrusted("clean")], None);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn an_absolute_path_is_refused_without_reading_it() {
    // The CI job's secrets are in its environment: /proc/self/environ would print them.
    let corpus = untrusted("absolute-path");
    refused(&corpus, None, &format!("{corpus}/sources/wire.json:7:13"), "`path` `/proc/self/environ` is absolute");
}

#[test]
fn a_path_climbing_out_is_refused() {
    let corpus = untrusted("climbing-path");
    refused(&corpus, None, &format!("{corpus}/sources/wire.json:7:13"), "leaves the corpus folder through `..`");
}

#[cfg(unix)]
#[test]
fn a_link_out_of_the_corpus_is_refused() {
    let (_dir, root) = scratch();
    let text = root.join("corpus/texts/wire.txt");
    std::fs::remove_file(&text).unwrap();
    std::os::unix::fs::symlink(root.join("secret.txt"), &text).unwrap();
    let out = refused(
        "corpus",
        Some(&root),
        "corpus/sources/wire.json:7:13",
        "the source text corpus/texts/wire.txt leads out of the corpus folder through a symbolic link; it was not read",
    );
    // The help says what to do; nothing names where the link goes.
    assert!(!out.stderr.contains("secret.txt"), "{}", out.stderr);

    // A link to a system file, and one to a device that never ends.
    for target in ["/etc/passwd", "/dev/zero"] {
        std::fs::remove_file(&text).unwrap();
        std::os::unix::fs::symlink(target, &text).unwrap();
        refused("corpus", Some(&root), "corpus/sources/wire.json:7:13", "leads out of the corpus folder");
    }
}

#[cfg(unix)]
#[test]
fn a_folder_linked_from_outside_is_refused() {
    let (_dir, root) = scratch();
    let outside = root.join("elsewhere");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("evil.json"), format!("{{\"entities\": [{{\"id\": \"{SECRET}\"}}]}}")).unwrap();
    std::fs::remove_dir_all(root.join("corpus/registry")).unwrap();
    std::os::unix::fs::symlink(&outside, root.join("corpus/registry")).unwrap();
    refused(
        "corpus",
        Some(&root),
        "corpus/registry:1:1",
        "cannot read the folder registry/: a symbolic link leads out",
    );
}

#[cfg(unix)]
#[test]
fn a_link_inside_the_corpus_is_followed() {
    let (_dir, root) = scratch();
    let texts = root.join("corpus/texts");
    std::fs::rename(texts.join("wire.txt"), texts.join("original.txt")).unwrap();
    std::os::unix::fs::symlink("original.txt", texts.join("wire.txt")).unwrap();
    let out = run(&["check", "corpus"], Some(&root));
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_waiting_on_it() {
    let (_dir, root) = scratch();
    let text = root.join("corpus/texts/wire.txt");
    std::fs::remove_file(&text).unwrap();
    mkfifo(&text);
    refused("corpus", Some(&root), "corpus/sources/wire.json:7:13", "is a FIFO (named pipe), not a regular file");
    // A FIFO where a claims file should be.
    mkfifo(&root.join("corpus/sources/pipe.json"));
    let out = run(&["check", "corpus"], Some(&root));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("corpus/sources/pipe.json:1:1: error: corpus/sources/pipe.json is a FIFO"),
        "{}",
        out.stderr
    );
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(path.as_os_str().as_bytes()).unwrap();
    // SAFETY: a valid, NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o644) }, 0, "mkfifo {}", path.display());
}

#[test]
fn a_folder_where_a_file_should_be_says_so() {
    let corpus = untrusted("folder-as-text");
    refused(&corpus, None, &format!("{corpus}/sources/wire.json:7:13"), "texts is a folder, not a file");

    let (_dir, root) = scratch();
    std::fs::create_dir(root.join("corpus/sources/draft.json")).unwrap();
    let out = refused("corpus", Some(&root), "corpus/sources/draft.json:1:1", "is a folder, not a JSON file");
    assert!(out.stderr.contains("rename it so its name does not end in .json"), "{}", out.stderr);
}

#[test]
fn texts_and_json_files_past_their_limit_are_input_errors() {
    let (_dir, root) = scratch();
    let text = root.join("corpus/texts/wire.txt");
    let mut big = std::fs::read_to_string(&text).unwrap();
    big.push_str(&"More words to make the text long. ".repeat(100));
    std::fs::write(&text, &big).unwrap();
    let out = run(&["check", "corpus", "--max-text-size", "1K"], Some(&root));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("corpus/sources/wire.json:7:13: error: the source text corpus/texts/wire.txt is 3.4 KiB, above the limit of 1 KiB for a text"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--max-text-size"), "{}", out.stderr);
    assert_eq!(run(&["check", "corpus", "--max-text-size", "4K"], Some(&root)).code, 0);

    let out = run(&["check", "corpus", "--max-json-size", "100"], Some(&root));
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("corpus/registry/registry.json:1:1: error: corpus/registry/registry.json is "),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("--max-json-size"), "{}", out.stderr);

    let out = run(&["check", "corpus", "--max-text-size", "lots"], Some(&root));
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("`lots` is not a size"), "{}", out.stderr);
}

#[test]
fn a_bom_in_json_is_named() {
    let corpus = untrusted("bom-json");
    refused(&corpus, None, &format!("{corpus}/sources/wire.json:1:1"), "byte-order mark (BOM)");
}

#[test]
fn bytes_that_are_not_utf8_are_placed_by_line_and_column() {
    let corpus = untrusted("text-not-utf8");
    let out = refused(
        &corpus,
        None,
        &format!("{corpus}/texts/wire.txt:1:23"),
        "the text of source `wire` is not UTF-8: byte 0xE9 at byte offset 22",
    );
    assert!(out.stderr.contains("iconv"), "{}", out.stderr);
    let corpus = untrusted("json-not-utf8");
    refused(&corpus, None, &format!("{corpus}/sources/wire.json:4:16"), "the file is not UTF-8: byte 0xE9");
}

#[test]
fn a_value_written_as_a_json_number_says_to_quote_it() {
    let corpus = untrusted("value-number");
    refused(
        &corpus,
        None,
        &format!("{corpus}/sources/wire.json:15:19"),
        "a value is the JSON number 3000, but it must be text: write \"3000\", in quotes",
    );
}

#[test]
fn values_the_reader_refuses_are_errors_at_the_value() {
    // The wording of these is the value reader's.
    for case in ["value-overflow", "value-year-10000"] {
        let corpus = untrusted(case);
        refused(&corpus, None, &format!("{corpus}/sources/wire.json:15:17"), "does not read");
    }
}

#[test]
fn a_huge_value_is_cut_short_in_the_message() {
    let (_dir, root) = scratch();
    let source = root.join("corpus/sources/wire.json");
    let digits = "1234567890".repeat(10_000);
    let json =
        std::fs::read_to_string(&source).unwrap().replace("\"value\": \"3000\"", &format!("\"value\": \"x{digits}\""));
    std::fs::write(&source, json).unwrap();
    let out = refused("corpus", Some(&root), "corpus/sources/wire.json:15:17", "(100001 characters)");
    assert!(out.stderr.len() < 2_000, "{} bytes on stderr", out.stderr.len());
}

#[test]
fn glyph_maps_that_cannot_be_right_are_errors() {
    for (case, at, says) in [
        ("glyph-self", "8:20", "glyph_map maps U+E005 to itself"),
        ("glyph-digit", "8:20", "glyph_map maps the digit 7"),
        ("glyph-cycle", "8:20", "glyph_map entries form a cycle: U+E005 → U+E006 → U+E005"),
        ("glyph-conflict", "9:7", "glyph_map maps U+E005 twice, to \"0\" and to \"1\""),
    ] {
        let corpus = untrusted(case);
        refused(&corpus, None, &format!("{corpus}/sources/wire.json:{at}"), says);
    }
}

#[test]
fn a_glyph_standing_for_a_long_text_is_refused_at_once() {
    let (_dir, root) = scratch();
    let source = root.join("corpus/sources/wire.json");
    let long = "9".repeat(100_000);
    let json = std::fs::read_to_string(&source).unwrap().replace(
        "\"path\": \"texts/wire.txt\"",
        &format!("\"path\": \"texts/wire.txt\", \"glyph_map\": {{\"\\uE005\": \"{long}\"}}"),
    );
    std::fs::write(&source, json).unwrap();
    let started = std::time::Instant::now();
    let out = refused(
        "corpus",
        Some(&root),
        "corpus/sources/wire.json:7:45",
        "glyph_map decodes U+E005 to 100000 characters",
    );
    assert!(out.stderr.len() < 2_000, "{} bytes on stderr", out.stderr.len());
    // Not a timing assertion of speed, a guard against the 20 s it once took.
    assert!(started.elapsed() < Duration::from_secs(20));
}

/// A text the system cannot read is an input error at the source's `path`. A link that
/// points at itself fails for every user, root included (a file without read permission
/// would not stop root, who runs CI).
#[cfg(unix)]
#[test]
fn an_unreadable_text_is_an_input_error() {
    let (_dir, root) = scratch();
    let text = root.join("corpus/texts/wire.txt");
    std::fs::remove_file(&text).unwrap();
    std::os::unix::fs::symlink("wire.txt", &text).unwrap();
    assert!(std::fs::File::open(&text).is_err(), "a link to itself cannot be opened");
    refused(
        "corpus",
        Some(&root),
        "corpus/sources/wire.json:7:13",
        "cannot read the source text corpus/texts/wire.txt",
    );
}

#[test]
fn bidi_controls_show_in_every_format_and_quotes_still_match() {
    let corpus = untrusted("bidi-quote");
    for format in ["text", "markdown", "sarif", "github", "dot", "html", "json"] {
        let out = run(&["check", &corpus, "--format", format], None);
        // The quotes with controls were found: the contradiction between them is reported.
        assert_eq!(out.code, 1, "{format}: {}", out.stderr);
        for c in ['\u{202E}', '\u{202C}', '\u{2066}'] {
            assert!(!out.stdout.contains(c), "{format}: raw U+{:04X} in the output", c as u32);
        }
        let shown = match format {
            "json" => "Russia sent \\u202e3,200 troops\\u202c to Kazakhstan",
            "html" => {
                "<bdi class=\"control\" title=\"U+202E, a bidirectional control, in the text here\">⟨U+202E⟩</bdi>"
            }
            "markdown" => "Russia sent ⟨U+202E⟩<b>3,200</b> troops⟨U+202C⟩ to Kazakhstan",
            // The graph shows no quotes.
            "dot" => "wire-troops",
            _ => "Russia sent ⟨U+202E⟩3,200 troops⟨U+202C⟩ to Kazakhstan",
        };
        assert!(out.stdout.contains(shown), "{format}: {shown} missing:\n{}", out.stdout);
    }
    // The text's own controls show in coverage's contexts, and the note in explain.
    let out = run(&["coverage", "--all", &corpus], None);
    assert!(out.stdout.contains("Russia sent ⟨U+202E⟩"), "{}", out.stdout);
    let out = run(&["explain", "9e55", "--path", &corpus], None);
    assert!(out.stdout.contains("note         checked ⟨U+2066⟩against the wire⟨U+2069⟩"), "{}", out.stdout);
    assert!(!out.stdout.contains('\u{2066}'), "{}", out.stdout);
    let out = run(&["check", &corpus, "--format", "html"], None);
    assert!(out.stdout.contains("<td dir=\"auto\" lang=\"en\">Report <bdi class=\"control\""), "{}", out.stdout);
}

#[test]
fn megabyte_long_ids_and_names_cost_no_more_than_their_length() {
    // Suggestions and near-duplicate ids cost the square of a name's length: a long one once
    // took gigabytes. Now it gets no suggestion, and the run ends at once (within the timeout).
    let (_dir, root) = scratch();
    let registry = root.join("corpus/registry/registry.json");
    let long_id =
        format!("{{ \"id\": \"{}\", \"kind\": \"other\" }},\n    {{ \"id\": \"kazakhstan\"", "a".repeat(200_000));
    let json = std::fs::read_to_string(&registry).unwrap().replacen("{ \"id\": \"kazakhstan\"", &long_id, 1);
    std::fs::write(&registry, json).unwrap();
    let source = root.join("corpus/sources/wire.json");
    let json = std::fs::read_to_string(&source)
        .unwrap()
        .replace("\"subject\": \"csto-mission-2022\"", &format!("\"subject\": \"{}\"", "b".repeat(1_000_000)));
    std::fs::write(&source, json).unwrap();
    let out = refused("corpus", Some(&root), "corpus/sources/wire.json:12:18", "unknown entity `bbbb");
    assert!(out.stderr.contains("(1000000 characters)") && out.stderr.len() < 2_000, "{}", out.stderr);
}
