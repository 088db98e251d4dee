//! Criterion benchmarks of the pipeline at story scale: extraction throughput (MB/s of article
//! text, one core) and one story of 10 sources, in-process and as a process with start-up included.

use std::hint::black_box;
use std::process::Command;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use crosscheck::rules::Rules;
use crosscheck::source::{Corpus, Source};

#[path = "workload.rs"]
mod workload;

/// The allocator the binary uses (see `src/main.rs`), so the figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn corpus_of(texts: &[String]) -> Corpus {
    let mut warnings = Vec::new();
    let sources =
        texts.iter().enumerate().map(|(i, t)| Source::new(format!("s{i:02}.txt"), t.clone(), &mut warnings)).collect();
    Corpus { sources, warnings }
}

fn extraction(c: &mut Criterion) {
    let rules = Rules::embedded().unwrap();
    let articles = workload::articles();
    let mut rng = workload::Rng::new(7);
    // About 1 MiB of articles, each a source of its own as in real use (one huge source would meet
    // the per-source claim limit and stop early, measuring less than it claims to).
    let mut sources = Vec::new();
    let mut bytes = 0;
    while bytes < 1 << 20 {
        let text = workload::source_text(&articles, &mut rng);
        bytes += text.len();
        sources.push(Source::new(format!("s{}.txt", sources.len()), text, &mut Vec::new()));
    }
    let mut group = c.benchmark_group("extract");
    // In decimal megabytes a second, the unit the target is set in (criterion's `Bytes` prints
    // MiB/s, which reads 4.6% lower for the same speed).
    group.throughput(Throughput::BytesDecimal(bytes as u64));
    group.sample_size(20);
    group.bench_function("news_1MiB_one_core", |b| {
        b.iter(|| {
            for (i, s) in sources.iter().enumerate() {
                black_box(crosscheck::extract::extract(s, i, &rules));
            }
        })
    });
    group.finish();
}

fn story(c: &mut Criterion) {
    let rules = Rules::embedded().unwrap();
    let articles = workload::articles();
    let mut rng = workload::Rng::new(11);
    let texts: Vec<String> = (0..10).map(|_| workload::source_text(&articles, &mut rng)).collect();
    let corpus = corpus_of(&texts);
    let mut group = c.benchmark_group("story");
    group.bench_function("check_10_sources_in_process", |b| b.iter(|| black_box(crosscheck::check(&corpus, &rules))));

    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("bench-story");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (i, t) in texts.iter().enumerate() {
        std::fs::write(dir.join(format!("source-{i:02}.txt")), t).unwrap();
    }
    group.bench_function("check_10_sources_process_start_included", |b| {
        b.iter(|| {
            let out = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
                .args(["check", "--fail-on", "never"])
                .arg(&dir)
                .output()
                .unwrap();
            assert!(out.status.success());
            black_box(out.stdout.len())
        })
    });
    group.finish();
}

criterion_group!(benches, extraction, story);
criterion_main!(benches);
