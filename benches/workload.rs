//! Deterministic benchmark inputs made from the bundled seeds and ECB+ articles: sources whose
//! numbers are varied by a seeded generator, laid out as stories, a day of story folders, or a pile.

// Each bench binary includes this file and uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// A small, seeded pseudo-random generator (xorshift64*), so every run builds the same inputs.
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    /// The next 64 random bits.
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// A number below `n`.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// The article bodies the inputs are made from: the seeds and every ECB+ article.
pub fn articles() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut paths: Vec<PathBuf> = std::fs::read_dir(root.join("seeds")).unwrap().flatten().map(|e| e.path()).collect();
    for cluster in std::fs::read_dir(root.join("tests/corpus/ecbplus")).unwrap().flatten() {
        if cluster.path().is_dir() {
            paths.extend(std::fs::read_dir(cluster.path()).unwrap().flatten().map(|e| e.path()));
        }
    }
    paths.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    paths.sort();
    paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

/// Source number `n` of a workload: an article chosen by the generator with about one number in
/// five changed, so sources of one story disagree now and then as real coverage does.
pub fn source_text(articles: &[String], rng: &mut Rng) -> String {
    let article = &articles[rng.below(articles.len())];
    // The front matter (source, date) is kept as written: only the article's own numbers vary.
    let body_start = article.strip_prefix("---\n").and_then(|rest| rest.find("\n---\n")).map_or(0, |end| end + 9);
    let mut out = String::with_capacity(article.len());
    out.push_str(&article[..body_start]);
    let mut chars = article[body_start..].chars().peekable();
    while let Some(c) = chars.next() {
        if c.is_ascii_digit() {
            let mut run = String::from(c);
            while let Some(&d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                run.push(d);
                chars.next();
            }
            if rng.below(5) == 0 && !run.starts_with('0') {
                let changed: String = run.chars().map(|_| char::from(b'1' + rng.below(9) as u8)).collect();
                out.push_str(&changed);
            } else {
                out.push_str(&run);
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// Writes `stories` story folders of `per_story` sources under `dir` (emptied first); returns the
/// total bytes written.
pub fn write_day(dir: &Path, stories: usize, per_story: usize, seed: u64) -> usize {
    let _ = std::fs::remove_dir_all(dir);
    let articles = articles();
    let mut rng = Rng::new(seed);
    let mut bytes = 0;
    for s in 0..stories {
        let story = dir.join(format!("story-{s:05}"));
        std::fs::create_dir_all(&story).unwrap();
        for k in 0..per_story {
            let text = source_text(&articles, &mut rng);
            bytes += text.len();
            std::fs::write(story.join(format!("source-{k:02}.txt")), text).unwrap();
        }
    }
    bytes
}

/// Writes `count` sources into one folder (a pile); returns the total bytes written.
pub fn write_pile(dir: &Path, count: usize, seed: u64) -> usize {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).unwrap();
    let articles = articles();
    let mut rng = Rng::new(seed);
    let mut bytes = 0;
    for k in 0..count {
        let text = source_text(&articles, &mut rng);
        bytes += text.len();
        std::fs::write(dir.join(format!("source-{k:05}.txt")), text).unwrap();
    }
    bytes
}
