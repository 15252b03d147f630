//! The whole run at scale: generates corpora (benches/corpus_gen) of the given sizes and
//! times `claimcheck check` end to end, text and JSON, as separate processes with their peak
//! memory; beside it, in the same run, the floor (reading every file and parsing the JSON with
//! serde_json, nothing else) and, when Python's `duckdb` module is installed, DuckDB running
//! the same group-by-fact and interval-overlap queries over a JSON Lines export of the claims.
//!
//! `cargo bench --bench whole_run` (10k and 100k claims); sizes as arguments:
//! `cargo bench --bench whole_run -- 10000 100000 1000000`. Needs GNU time (`/usr/bin/time`)
//! for peak memory; `--keep DIR` leaves the corpora in DIR; `--steps floor,text,json,duckdb`
//! runs only those (e.g. the floor and DuckDB alone at sizes where `check` takes too long).

#[path = "corpus_gen/mod.rs"]
mod corpus_gen;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

/// What one process cost.
#[derive(Debug, Clone, Copy)]
struct Cost {
    wall: f64,
    cpu: f64,
    peak_mib: Option<f64>,
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    if args.first().map(String::as_str) == Some("--parse-only") {
        let files = parse_only(Path::new(&args[1]));
        println!("{files}");
        return;
    }
    let mut keep: Option<PathBuf> = None;
    let mut steps: Vec<String> = ["floor", "text", "json", "duckdb"].map(String::from).to_vec();
    let mut sizes = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--keep" => keep = it.next().map(PathBuf::from),
            "--steps" => steps = it.next().map_or(Vec::new(), |s| s.split(',').map(String::from).collect()),
            n => match n.replace('_', "").parse::<usize>() {
                Ok(n) => sizes.push(n),
                // `cargo bench` passes its own filters; a word is not a size.
                Err(_) => eprintln!("ignoring argument `{n}`"),
            },
        }
    }
    if sizes.is_empty() {
        sizes = vec![10_000, 100_000];
    }
    let timer = Path::new("/usr/bin/time").exists();
    if !timer {
        eprintln!("/usr/bin/time not found: peak memory is not measured");
    }
    let step = |name: &str| steps.iter().any(|s| s == name);
    let duckdb = step("duckdb")
        && Command::new("python3")
            .args(["-c", "import duckdb"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
    if step("duckdb") && !duckdb {
        eprintln!("Python's duckdb module not found (pip install duckdb): its column is left out");
    }
    let bin = env!("CARGO_BIN_EXE_claimcheck");
    let me = std::env::current_exe().expect("the bench's own path");
    println!(
        "claimcheck whole run, {} on {} core(s)",
        bin,
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!("{:>9} {:<34} {:>9} {:>9} {:>10} {:>10}", "claims", "step", "wall s", "cpu s", "peak MiB", "vs floor");
    for &size in &sizes {
        let temp = tempfile::tempdir().expect("a temporary folder");
        let root = match &keep {
            Some(dir) => dir.join(format!("corpus-{size}")),
            None => temp.path().join("corpus"),
        };
        if root.exists() {
            std::fs::remove_dir_all(&root).expect("an old corpus to replace");
        }
        let t = Instant::now();
        let manifest = corpus_gen::generate(&root, &corpus_gen::Spec::new(size, 1)).expect("the corpus written");
        let generated = t.elapsed().as_secs_f64();
        let mib = disk_mib(&root);
        println!(
            "{size:>9} {:<34} {generated:>9.2} {:>9} {:>10} {:>10}",
            format!("generate ({mib:.0} MiB on disk)"),
            "",
            "",
            ""
        );
        let out = temp.path().join("out");
        let floor = measure(timer, Command::new(&me).arg("--parse-only").arg(&root), &out);
        let root_s = root.to_str().expect("a UTF-8 path");
        let text =
            step("text").then(|| measure(timer, Command::new(bin).args(["check", root_s, "--color=never"]), &out));
        let json = step("json").then(|| {
            measure(timer, Command::new(bin).args(["check", root_s, "--format", "json", "--color=never"]), &out)
        });
        let found = json
            .and_then(|_| std::fs::read_to_string(&out).ok())
            .and_then(|s: String| serde_json::from_str::<serde_json::Value>(&s).ok())
            .and_then(|v| v["summary"]["contradict"].as_u64());
        let row = |step: &str, c: Cost| {
            let peak = c.peak_mib.map_or("-".to_string(), |m| format!("{m:.0}"));
            println!("{size:>9} {step:<34} {:>9.2} {:>9.2} {peak:>10} {:>9.1}×", c.wall, c.cpu, c.wall / floor.wall);
        };
        row("floor: read + serde_json parse", floor);
        if let Some(c) = text {
            row("check (text)", c);
        }
        if let Some(c) = json {
            row("check --format json", c);
        }
        let mut duck = None;
        if duckdb {
            let jsonl = root.join("claims.jsonl");
            let (cost, report) = measure_duckdb(timer, &jsonl, &out);
            row("duckdb: load + group-by + overlap", cost);
            if let Some(r) = &report {
                println!(
                    "{size:>9}   duckdb inside: load {:.2} s, group-by-fact {:.2} s, overlap join {:.2} s; {} facts, {} contradicted",
                    r["load_s"].as_f64().unwrap_or(f64::NAN),
                    r["group_s"].as_f64().unwrap_or(f64::NAN),
                    r["overlap_s"].as_f64().unwrap_or(f64::NAN),
                    r["facts"],
                    r["contradicted"]
                );
            }
            let inside = report
                .as_ref()
                .and_then(|r| Some(r["load_s"].as_f64()? + r["group_s"].as_f64()? + r["overlap_s"].as_f64()?));
            duck = Some((cost, inside));
        }
        println!(
            "{size:>9}   planted contradictions {}, check found {}",
            manifest.contradictions.len(),
            found.map_or("?".to_string(), |n| n.to_string())
        );
        let mut ratios = Vec::new();
        if let Some(t) = text {
            ratios.push(format!("check/floor {:.1}×", t.wall / floor.wall));
        }
        if let Some(j) = json {
            ratios.push(format!("check json/floor {:.1}×", j.wall / floor.wall));
        }
        if let (Some(t), Some((d, inside))) = (text, duck) {
            ratios.push(format!("check/duckdb {:.1}×", t.wall / d.wall));
            if let Some(inside) = inside {
                ratios.push(format!("check/duckdb's own load and queries {:.1}×", t.wall / inside));
            }
        }
        if !ratios.is_empty() {
            println!("{size:>9}   ratios (wall): {}", ratios.join(", "));
        }
    }
}

/// Runs `cmd` (stdout to `out`) under GNU time when there is one.
fn measure(timer: bool, cmd: &mut Command, out: &Path) -> Cost {
    // What the generator and the last step wrote goes to disk first: the system writing
    // back a 2 GiB report while the next step runs made that step's time depend on it.
    let _ = std::fs::remove_file(out);
    let _ = Command::new("sync").status();
    let stats = out.with_extension("time");
    let mut run = if timer {
        let mut t = Command::new("/usr/bin/time");
        t.args(["-f", "%e %U %S %M", "-o"]).arg(&stats).arg(cmd.get_program()).args(cmd.get_args());
        t
    } else {
        let mut c = Command::new(cmd.get_program());
        c.args(cmd.get_args());
        c
    };
    let t = Instant::now();
    let status = run
        .stdout(std::fs::File::create(out).expect("an output file"))
        .stderr(Stdio::inherit())
        .status()
        .expect("the step runs");
    let wall = t.elapsed().as_secs_f64();
    // `check` exits 1 when it finds new contradictions: that is a result, not a failure.
    assert!(matches!(status.code(), Some(0 | 1)), "{:?} failed: {status}", cmd.get_program());
    let fields: Vec<f64> = std::fs::read_to_string(&stats)
        .unwrap_or_default()
        .lines()
        .last()
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|f| f.parse().ok())
        .collect();
    match fields[..] {
        // GNU time's elapsed has centiseconds; the wall clock here is finer.
        [_elapsed, user, sys, kb] => Cost { wall, cpu: user + sys, peak_mib: Some(kb / 1024.0) },
        _ => Cost { wall, cpu: f64::NAN, peak_mib: None },
    }
}

const DUCKDB_SCRIPT: &str = r#"
import duckdb, json, sys, time
path = sys.argv[1]
con = duckdb.connect()
t0 = time.perf_counter()
con.execute("CREATE TABLE c AS SELECT * FROM read_json_auto('" + path.replace("'", "''") + "')")
t1 = time.perf_counter()
facts = con.execute("SELECT fact, count(*), min(lo), max(coalesce(hi, 'inf'::DOUBLE)) FROM c GROUP BY fact").fetchall()
t2 = time.perf_counter()
contradicted = con.execute("""
  SELECT count(DISTINCT a.fact) FROM c a JOIN c b ON a.fact = b.fact AND a.id < b.id
  WHERE a.attributed_to IS NOT DISTINCT FROM b.attributed_to AND (
    (a.as_of IS NOT DISTINCT FROM b.as_of
      AND (coalesce(a.hi, 'inf'::DOUBLE) < b.lo OR coalesce(b.hi, 'inf'::DOUBLE) < a.lo))
    OR (a.cumulative AND a.as_of < b.as_of AND coalesce(b.hi, 'inf'::DOUBLE) < a.lo)
    OR (a.cumulative AND b.as_of < a.as_of AND coalesce(a.hi, 'inf'::DOUBLE) < b.lo))
""").fetchone()[0]
t3 = time.perf_counter()
print(json.dumps({"load_s": t1 - t0, "group_s": t2 - t1, "overlap_s": t3 - t2, "facts": len(facts), "contradicted": contradicted}))
"#;

fn measure_duckdb(timer: bool, jsonl: &Path, out: &Path) -> (Cost, Option<serde_json::Value>) {
    let cost = measure(timer, Command::new("python3").args(["-c", DUCKDB_SCRIPT]).arg(jsonl), out);
    let report = std::fs::read_to_string(out).ok().and_then(|s| serde_json::from_str(s.trim()).ok());
    (cost, report)
}

/// The floor: every file `check` reads, read, and every JSON file parsed; returns how many.
fn parse_only(root: &Path) -> usize {
    let mut files = 0;
    for dir in ["sources", "registry", "texts"] {
        let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join(dir))
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("a readable UTF-8 file");
            if path.extension().is_some_and(|e| e == "json") {
                let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
                std::hint::black_box(value);
            } else {
                std::hint::black_box(text);
            }
            files += 1;
        }
    }
    files
}

fn disk_mib(root: &Path) -> f64 {
    fn walk(p: &Path) -> u64 {
        std::fs::read_dir(p).map_or(0, |d| {
            d.filter_map(Result::ok)
                .map(|e| {
                    let path = e.path();
                    if path.is_dir() { walk(&path) } else { e.metadata().map_or(0, |m| m.len()) }
                })
                .sum()
        })
    }
    walk(root) as f64 / (1024.0 * 1024.0)
}
