//! Rules: `rules/*.toml` text in (embedded in the binary, extended or overridden by `--rules DIR`),
//! compiled `Rules` out, with every malformed entry reported by file, line and column.

mod examples;
pub mod schema;

use std::collections::BTreeMap;

// The rules' lookups are keyed by our own rule words, hashed on every token of every source:
// FxHash is several times faster than SipHash, and hash-flooding resistance buys nothing here.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::path::Path;

use regex::Regex;

use crate::claim::Kind;
use crate::error::Error;
pub use examples::{check_examples, ExampleFailure};
use schema::{Example, HedgeMode, HedgePosition, RulesFile};

/// The rules files built into the binary, by file name.
pub const EMBEDDED: &[(&str, &str)] = &[
    ("aliases.toml", include_str!("../../rules/aliases.toml")),
    ("align.toml", include_str!("../../rules/align.toml")),
    ("currencies.toml", include_str!("../../rules/currencies.toml")),
    ("dates.toml", include_str!("../../rules/dates.toml")),
    ("hedges.toml", include_str!("../../rules/hedges.toml")),
    ("ignore.toml", include_str!("../../rules/ignore.toml")),
    ("numbers.toml", include_str!("../../rules/numbers.toml")),
    ("subject.toml", include_str!("../../rules/subject.toml")),
    ("units.toml", include_str!("../../rules/units.toml")),
];

/// Largest compiled size allowed for one `ignore` pattern, so a hand-edited rule cannot eat memory.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// A hedge phrase, compiled.
#[derive(Clone, Debug)]
pub struct Hedge {
    /// The phrase's lower-case words.
    pub words: Vec<String>,
    /// Before or after the number.
    pub position: HedgePosition,
    /// What it does.
    pub mode: HedgeMode,
    /// Relative width for `approx` and `nearly`.
    pub relative: f64,
}

/// A vague quantity, compiled.
#[derive(Clone, Debug)]
pub struct Vague {
    /// The phrase's lower-case words.
    pub words: Vec<String>,
    /// Least value.
    pub low: f64,
    /// Greatest value, if bounded.
    pub high: Option<f64>,
}

/// A smaller unit of a currency, compiled.
#[derive(Clone, Debug)]
pub struct Minor {
    /// Lower-case names.
    pub words: Vec<String>,
    /// How many make one of the currency.
    pub per: f64,
}

/// A unit, compiled.
#[derive(Clone, Debug)]
pub struct Unit {
    /// Canonical name ("km").
    pub name: String,
    /// `Quantity`, `Duration` or `Percent`.
    pub kind: Kind,
    /// What is measured ("length"); the claim's unit is the dimension's base, so "km" and "mile" meet.
    pub dimension: String,
    /// Base units per unit.
    pub factor: f64,
    /// Added after scaling.
    pub offset: f64,
    /// May stand before the number.
    pub prefix: bool,
    /// Names of the larger units this one completes ("5 feet 2 inches").
    pub completes: Vec<String>,
}

/// Every rule, compiled for lookups. Built once per run; read-only afterwards.
#[derive(Clone, Debug)]
pub struct Rules {
    /// Each rules file in force, by name, as parsed (kept so their examples can be run).
    pub files: Vec<(String, std::sync::Arc<RulesFile>)>,
    /// Number words ("one", "twenty", "dozen").
    pub number_words: HashMap<String, f64>,
    /// Scale words ("hundred", "million").
    pub scales: HashMap<String, f64>,
    /// Scale suffixes against digits ("bn", "m").
    pub suffixes: HashMap<String, f64>,
    /// Ordinal words ("first").
    pub ordinals: HashMap<String, f64>,
    /// Denominator words of fractions ("third" = 3), singular and plural.
    pub fractions: HashMap<String, f64>,
    /// Words that make the number after them negative.
    pub negatives: HashSet<String>,
    /// Hedges, longest phrase first.
    pub hedges: Vec<Hedge>,
    /// Vague quantities, longest phrase first.
    pub vague: Vec<Vague>,
    /// Units.
    pub units: Vec<Unit>,
    unit_lookup: HashMap<String, usize>,
    unit_lookup_exact: HashMap<String, usize>,
    unit_lookup_second: HashMap<String, usize>,
    /// The longest unit spelling, in words.
    pub unit_max_words: usize,
    /// Currency symbols written before numbers, to ISO codes, longest first.
    pub currency_symbols: Vec<(String, String)>,
    /// Currency names written after numbers, to ISO codes.
    pub currency_words: HashMap<String, String>,
    /// Currency names that are also units of measure ("pounds"), to ISO codes.
    pub currency_unit_words: HashMap<String, String>,
    /// Three-letter currency codes as written ("USD"), to ISO codes.
    pub currency_codes: HashMap<String, String>,
    /// Scale letters glued before a currency code ("M" of "MUSD").
    pub code_scales: HashMap<String, f64>,
    /// Smaller units of each currency, by ISO code, largest first.
    pub currency_minor: HashMap<String, Vec<Minor>>,
    aliases: HashMap<String, String>,
    /// What the first token of an alias phrase of several tokens can be (see `may_open_alias`).
    alias_heads: HashSet<String>,
    /// The longest alias phrase, in words.
    pub alias_max_words: usize,
    /// Canonical terms that name what is counted.
    pub countable: HashSet<String>,
    /// Ignore patterns.
    pub ignore: Vec<(String, Regex)>,
    /// Month words.
    pub months: HashMap<String, u8>,
    /// Weekday words (Monday = 1).
    pub weekdays: HashMap<String, u8>,
    /// Season words.
    pub seasons: HashMap<String, [u8; 2]>,
    /// Parts of a month.
    pub parts: HashMap<String, [u8; 2]>,
    /// Future-tense markers.
    pub future_markers: HashSet<String>,
    /// Two-word future markers, by first word ("going" -> ["to"]), so the tense check allocates nothing.
    pub future_pairs: HashMap<String, Vec<String>>,
    /// Vague counts of time units ("couple", "few") to `[low, high]`.
    pub vague_counts: HashMap<String, [f64; 2]>,
    /// Words that make one whole unit of time of a bare unit ("all day", "full year").
    pub whole: HashSet<String>,
    /// Month words that alone are a date only when introduced ("in May").
    pub ambiguous_months: HashSet<String>,
    /// Decades in words to their first year ("seventies" = 1970).
    pub decades: HashMap<String, u16>,
    /// Minutes a hedged time of day is widened by on each side.
    pub time_hedge_minutes: f64,
    /// Words that make a time of day the page's own time stamp ("updated").
    pub time_furniture: HashSet<String>,
    /// Time zones written after a time of day ("et", "gmt").
    pub time_zones: HashSet<String>,
    /// Words with no meaning of their own.
    pub stopwords: HashSet<String>,
    /// Nouns too general to be a count's unit.
    pub generic: HashSet<String>,
    /// Words read either side of a number for its subject.
    pub window: usize,
    /// Words after which a number is a name, not a count.
    pub identifiers: HashSet<String>,
    /// Words that narrow a counted noun to a part ("worst", "other"), and endings that do ("est").
    pub narrowing: (HashSet<String>, Vec<String>),
    /// The base unit of each dimension (the unit with factor 1), by dimension.
    pub base_units: HashMap<String, String>,
    /// Senses of ambiguous units: the unit's name, the unit it reads as, and the words that say so.
    senses: Vec<(String, usize, HashSet<String>)>,
    /// Least subject similarity for grouping.
    pub threshold: f32,
    /// Least subject similarity for grouping claims with the very same value.
    pub threshold_same_value: f32,
    /// Least subject similarity for grouping claims whose values overlap.
    pub threshold_overlap: f32,
    /// Least subject similarity for grouping dates that do not overlap.
    pub threshold_date_conflict: f32,
    /// Least subject similarity for grouping a bare figure with the very same counted one.
    pub threshold_bare: f32,
    /// Least subject similarity for grouping the very same count told of two counted nouns.
    pub threshold_other_role: f32,
    /// Least similarity of the pooled words of two groups whose values overlap pair by pair to join.
    pub threshold_pooled: f32,
    /// Least subject similarity for the very same figure of the very same counted noun.
    pub threshold_same_figure: f32,
    /// Least subject similarity for two outlets' only figures of one role.
    pub threshold_sole: f32,
    /// Largest ratio between two outlets' only counts of one role to be one fact.
    pub max_sole_ratio: f64,
    /// Largest ratio between two outlets' only measures of one role to be one fact.
    pub max_sole_measure_ratio: f64,
    /// Least number of agreeing sources of a role for another outlet's only figure of it to join.
    pub outlier_sources: usize,
    /// Least number of sources telling a day alike for another mention of that day to join them.
    pub day_sources: usize,
    /// Least subject similarity for grouping the very same date.
    pub threshold_same_date: f32,
    /// Largest ratio between two disjoint values grouped as a conflict.
    pub max_conflict_ratio: f64,
    /// Largest ratio between two sums in different currencies that may be one sum converted.
    pub max_currency_ratio: f64,
    /// Least Jaro-Winkler similarity for two terms to match.
    pub fuzzy_term: f32,
    /// Tolerances by kind.
    pub tolerances: BTreeMap<Kind, Tolerance>,
    /// `[[suppress]]` entries: claims a project has reviewed and silenced.
    pub suppress: Vec<schema::SuppressRule>,
    /// The words and marks besides digits that a claim can start with, and which matchers can
    /// start it there, from the tables above and the matchers' own words (`extract::starters`).
    pub starters: HashMap<String, crate::extract::starters::Starts>,
}

/// How far two values of one kind may be apart and still not conflict.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Tolerance {
    /// Share of magnitude.
    pub relative: f64,
    /// Absolute distance.
    pub absolute: f64,
    /// Share within which a value that rounds to a round number is compatible with it.
    pub rounding: f64,
}

impl Rules {
    /// Whether a word written between a number and its noun narrows what is counted to a part
    /// ("hardest-hit", "other"). An ending needs a stem of three letters before it.
    pub fn narrows(&self, word: &str) -> bool {
        self.narrowing.0.contains(word)
            || self.narrowing.1.iter().any(|e| word.len() >= e.len() + 3 && word.ends_with(e.as_str()))
    }

    /// The rules built into the binary.
    pub fn embedded() -> Result<Rules, Error> {
        Rules::from_texts(
            EMBEDDED.iter().map(|(n, t)| (format!("<embedded>/{n}"), n.to_string(), t.to_string())).collect(),
        )
    }

    /// The embedded rules, with the `*.toml` files of `dir` added; a file named like an embedded
    /// one replaces it.
    pub fn with_dir(dir: &Path) -> Result<Rules, Error> {
        let mut texts: BTreeMap<String, (String, String)> =
            EMBEDDED.iter().map(|(n, t)| (n.to_string(), (format!("<embedded>/{n}"), t.to_string()))).collect();
        let entries = std::fs::read_dir(dir).map_err(|source| Error::Io { path: dir.display().to_string(), source })?;
        let mut found = false;
        for entry in entries {
            let entry = entry.map_err(|source| Error::Io { path: dir.display().to_string(), source })?;
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("toml") {
                continue;
            }
            let bytes =
                std::fs::read(&path).map_err(|source| Error::Io { path: path.display().to_string(), source })?;
            let text = String::from_utf8(bytes).map_err(|e| {
                let at = e.utf8_error().valid_up_to();
                let (line, column) = line_col(&String::from_utf8_lossy(&e.as_bytes()[..at]), at);
                Error::Rules {
                    file: path.display().to_string(),
                    line,
                    column,
                    message: format!("not valid UTF-8 (byte {at}); rules files must be UTF-8"),
                }
            })?;
            let name = entry.file_name().to_string_lossy().into_owned();
            texts.insert(name, (path.display().to_string(), text));
            found = true;
        }
        if !found {
            return Err(Error::Usage(format!("{}: no *.toml rules file in this folder", dir.display())));
        }
        Rules::from_texts(texts.into_iter().map(|(name, (shown, text))| (shown, name, text)).collect())
    }

    /// Parses and compiles `(shown path, file name, text)` triples, in the order given.
    pub fn from_texts(texts: Vec<(String, String, String)>) -> Result<Rules, Error> {
        let mut files = Vec::new();
        for (shown, _name, text) in &texts {
            let parsed: RulesFile = toml::from_str(text).map_err(|e| {
                let (line, column) = e.span().map_or((0, 0), |s| line_col(text, s.start));
                Error::Rules { file: shown.clone(), line, column, message: e.message().trim().to_string() }
            })?;
            files.push((shown.clone(), std::sync::Arc::new(parsed)));
        }
        let texts: HashMap<&str, &str> = texts.iter().map(|(s, _, t)| (s.as_str(), t.as_str())).collect();
        compile(files, &texts)
    }

    /// The canonical term for a lower-case word or phrase, if an alias names it.
    pub fn alias(&self, phrase: &str) -> Option<&str> {
        self.aliases.get(phrase).map(String::as_str)
    }

    /// False when no alias phrase of several tokens can start with the token `word`: the phrase
    /// reader then needs no lookups. (A token ends where a letter meets a space or a mark, so the
    /// heads are the prefixes of each phrase that end there.)
    pub fn may_open_alias(&self, word: &str) -> bool {
        self.alias_heads.contains(word)
    }

    /// The unit spelled `word` (case-sensitive spellings first), if any.
    pub fn unit(&self, word: &str) -> Option<&Unit> {
        let folded = |w: &str| match w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
            // The matchers ask with tokens' lower-case forms: no copy to fold them again.
            true => self.unit_lookup.get(w),
            false => self.unit_lookup.get(&w.to_lowercase()),
        };
        self.unit_lookup_exact.get(word).or_else(|| folded(word)).map(|&i| &self.units[i])
    }

    /// The sense `unit` has in a sentence whose words pass `in_sentence`: "degree" reads as an
    /// angle next to "rotate", and stays itself where no cue of another sense stands.
    pub fn sense<'a>(&'a self, unit: &'a Unit, in_sentence: impl Fn(&str) -> bool) -> &'a Unit {
        self.senses
            .iter()
            .find(|(of, _, cues)| *of == unit.name && cues.iter().any(|c| in_sentence(c)))
            .map_or(unit, |&(_, i, _)| &self.units[i])
    }

    /// The unit spelled `word` as the smaller part of a measure in two parts ("in" of "5 ft 2 in").
    pub fn second_unit(&self, word: &str) -> Option<&Unit> {
        self.unit(word).or_else(|| self.unit_lookup_second.get(word).map(|&i| &self.units[i]))
    }

    /// The name of the base unit of `dimension` (the dimension itself when no unit has factor 1).
    pub fn base_unit<'a>(&'a self, dimension: &'a str) -> &'a str {
        self.base_units.get(dimension).map_or(dimension, String::as_str)
    }

    /// The tolerance for `kind` (exact when the rules name none).
    pub fn tolerance(&self, kind: Kind) -> Tolerance {
        self.tolerances.get(&kind).copied().unwrap_or_default()
    }

    /// Every example of every rule, with the file that holds it.
    pub fn examples(&self) -> Vec<(String, Example)> {
        let mut out = Vec::new();
        for (file, f) in &self.files {
            let mut push = |examples: &[Example]| out.extend(examples.iter().map(|e| (file.clone(), e.clone())));
            if let Some(n) = &f.numbers {
                push(&n.examples);
            }
            if let Some(d) = &f.dates {
                push(&d.examples);
            }
            f.hedge.iter().for_each(|r| push(&r.examples));
            f.vague.iter().for_each(|r| push(&r.examples));
            f.unit.iter().for_each(|r| push(&r.examples));
            f.currency.iter().for_each(|r| push(&r.examples));
        }
        out
    }
}

pub(crate) fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let byte = byte.min(text.len());
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// The prefixes of `phrase` that end where a token may end: wherever letters meet digits, a space
/// or a mark ("north" of "north korea", "u.s." of "u.s. army", "after" of "after-shocks").
fn token_prefixes(phrase: &str) -> impl Iterator<Item = &str> {
    // Letters and digits continue a token of their own class; anything else stands alone.
    let class = |c: char| (c.is_alphabetic(), c.is_ascii_digit());
    let alone = move |c: char| class(c) == (false, false);
    phrase.char_indices().zip(phrase.chars().skip(1)).filter_map(move |((at, before), after)| {
        let boundary = class(before) != class(after) || alone(before);
        boundary.then_some(&phrase[..at + before.len_utf8()])
    })
}

fn words_of(phrase: &str) -> Vec<String> {
    phrase.split_whitespace().map(str::to_lowercase).collect()
}

/// Where in `text` a TOML key's value stands, for error messages about values that parse but mean
/// nothing (a bad regex, an unknown kind).
fn locate(texts: &HashMap<&str, &str>, file: &str, needle: &str) -> (usize, usize) {
    texts.get(file).and_then(|t| t.find(needle).map(|i| line_col(t, i))).unwrap_or((0, 0))
}

fn compile(files: Vec<(String, std::sync::Arc<RulesFile>)>, texts: &HashMap<&str, &str>) -> Result<Rules, Error> {
    let mut rules = Rules {
        files: Vec::new(),
        number_words: HashMap::default(),
        scales: HashMap::default(),
        suffixes: HashMap::default(),
        ordinals: HashMap::default(),
        fractions: HashMap::default(),
        negatives: HashSet::default(),
        hedges: Vec::new(),
        vague: Vec::new(),
        units: Vec::new(),
        unit_lookup: HashMap::default(),
        unit_lookup_exact: HashMap::default(),
        unit_lookup_second: HashMap::default(),
        unit_max_words: 1,
        currency_symbols: Vec::new(),
        currency_words: HashMap::default(),
        currency_unit_words: HashMap::default(),
        currency_codes: HashMap::default(),
        code_scales: HashMap::default(),
        currency_minor: HashMap::default(),
        aliases: HashMap::default(),
        alias_heads: HashSet::default(),
        alias_max_words: 1,
        countable: HashSet::default(),
        ignore: Vec::new(),
        months: HashMap::default(),
        weekdays: HashMap::default(),
        seasons: HashMap::default(),
        parts: HashMap::default(),
        future_markers: HashSet::default(),
        future_pairs: HashMap::default(),
        vague_counts: HashMap::default(),
        whole: HashSet::default(),
        ambiguous_months: HashSet::default(),
        decades: HashMap::default(),
        time_hedge_minutes: 15.0,
        time_zones: HashSet::default(),
        time_furniture: HashSet::default(),
        stopwords: HashSet::default(),
        generic: HashSet::default(),
        window: 8,
        identifiers: HashSet::default(),
        narrowing: (HashSet::default(), Vec::new()),
        base_units: HashMap::default(),
        senses: Vec::new(),
        threshold: 0.3,
        threshold_same_value: 0.1,
        threshold_overlap: 0.12,
        threshold_bare: 0.1,
        threshold_other_role: 0.3,
        threshold_pooled: 0.3,
        threshold_same_figure: 0.01,
        threshold_sole: 0.01,
        max_sole_ratio: 3.0,
        max_sole_measure_ratio: 1.1,
        outlier_sources: 2,
        day_sources: 3,
        threshold_date_conflict: 0.5,
        threshold_same_date: 0.1,
        max_conflict_ratio: 25.0,
        max_currency_ratio: 3.0,
        fuzzy_term: 0.92,
        tolerances: BTreeMap::new(),
        suppress: Vec::new(),
        starters: HashMap::default(),
    };
    for (file, f) in &files {
        let bad = |needle: &str, message: String| {
            let (line, column) = locate(texts, file, needle);
            Error::Rules { file: file.clone(), line, column, message }
        };
        if let Some(n) = &f.numbers {
            rules.number_words.extend(n.words.iter().map(|(k, v)| (k.to_lowercase(), *v)));
            rules.scales.extend(n.scales.iter().map(|(k, v)| (k.to_lowercase(), *v)));
            rules.suffixes.extend(n.suffixes.iter().map(|(k, v)| (k.clone(), *v)));
            rules.ordinals.extend(n.ordinals.iter().map(|(k, v)| (k.to_lowercase(), *v)));
            for (k, &v) in &n.fractions {
                let k = k.to_lowercase();
                let plural = if k == "half" { "halves".to_string() } else { format!("{k}s") };
                rules.fractions.insert(plural, v);
                rules.fractions.insert(k, v);
            }
            rules.negatives.extend(n.negatives.iter().map(|w| w.to_lowercase()));
            for (k, &v) in &n.code_scales {
                if !(v.is_finite() && v > 1.0) {
                    return Err(bad(k, format!("code scale {k:?} = {v} must be a number above 1")));
                }
                rules.code_scales.insert(k.clone(), v);
            }
        }
        for h in &f.hedge {
            let relative = h.relative.unwrap_or(0.0);
            if !(0.0..1.0).contains(&relative) {
                return Err(bad("relative", format!("hedge relative width {relative} must lie in 0..1")));
            }
            for phrase in &h.phrases {
                rules.hedges.push(Hedge { words: words_of(phrase), position: h.position, mode: h.mode, relative });
            }
        }
        for v in &f.vague {
            if v.high.is_some_and(|h| h < v.low) {
                return Err(bad("high", format!("vague quantity {:?}: high is below low", v.phrases)));
            }
            for phrase in &v.phrases {
                rules.vague.push(Vague { words: words_of(phrase), low: v.low, high: v.high });
            }
        }
        for u in &f.unit {
            let kind = match Kind::from_name(&u.kind) {
                Some(k @ (Kind::Quantity | Kind::Duration | Kind::Percent)) => k,
                _ => {
                    return Err(bad(
                        &u.kind,
                        format!("unit {:?}: kind {:?} is not quantity, duration or percent", u.name, u.kind),
                    ))
                }
            };
            if !(u.factor.is_finite() && u.factor > 0.0) {
                return Err(bad(&u.name, format!("unit {:?}: factor must be a positive number", u.name)));
            }
            if u.factor == 1.0 && u.offset == 0.0 {
                rules.base_units.entry(u.dimension.clone()).or_insert_with(|| u.name.clone());
            }
            let index = rules.units.len();
            rules.units.push(Unit {
                name: u.name.clone(),
                kind,
                dimension: u.dimension.clone(),
                factor: u.factor,
                offset: u.offset,
                prefix: u.prefix,
                completes: u.completes.clone(),
            });
            if let Some(of) = &u.sense_of {
                if !rules.units.iter().any(|x| x.name == *of) || u.cues.is_empty() {
                    let why = format!("unit {:?}: sense_of {of:?} needs cues and a unit defined before it", u.name);
                    return Err(bad(of, why));
                }
                let cues = u.cues.iter().map(|c| c.to_lowercase()).collect();
                rules.senses.push((of.clone(), index, cues));
            }
            for alias in &u.second_aliases {
                rules.unit_lookup_second.insert(alias.to_lowercase(), index);
            }
            for alias in &u.aliases {
                rules.unit_max_words = rules.unit_max_words.max(alias.split_whitespace().count());
                if u.case_sensitive {
                    rules.unit_lookup_exact.insert(alias.clone(), index);
                } else {
                    rules.unit_lookup.insert(alias.to_lowercase(), index);
                }
            }
        }
        for c in &f.currency {
            for s in &c.symbols {
                rules.currency_symbols.push((s.clone(), c.code.clone()));
                if s.len() == 3 && s.chars().all(|ch| ch.is_ascii_uppercase()) {
                    rules.currency_codes.insert(s.clone(), c.code.clone());
                }
            }
            if !c.minor.is_empty() {
                let mut minor = Vec::new();
                for m in &c.minor {
                    if !(m.per.is_finite() && m.per > 1.0) {
                        return Err(bad(&c.code, format!("currency {:?}: a minor unit's per must be above 1", c.code)));
                    }
                    minor.push(Minor { words: m.words.iter().map(|w| w.to_lowercase()).collect(), per: m.per });
                }
                rules.currency_minor.insert(c.code.clone(), minor);
            }
            for w in &c.words {
                rules.currency_words.insert(w.to_lowercase(), c.code.clone());
            }
            for w in &c.unit_words {
                rules.currency_unit_words.insert(w.to_lowercase(), c.code.clone());
            }
        }
        for a in &f.alias {
            let canonical = a.canonical.to_lowercase();
            for w in a.words.iter().chain(std::iter::once(&a.canonical)) {
                let key = words_of(w).join(" ");
                rules.alias_max_words = rules.alias_max_words.max(key.split(' ').count());
                rules.alias_heads.extend(token_prefixes(&key).map(str::to_string));
                rules.aliases.insert(key, canonical.clone());
            }
            if a.countable {
                rules.countable.insert(canonical);
            }
        }
        for i in &f.ignore {
            let regex = regex::RegexBuilder::new(&i.pattern)
                .size_limit(REGEX_SIZE_LIMIT)
                .build()
                // A pattern written with TOML escapes is not in the file verbatim; then point at its name.
                .map_err(|e| {
                    let verbatim = texts.get(file.as_str()).is_some_and(|t| t.contains(i.pattern.as_str()));
                    bad(if verbatim { &i.pattern } else { &i.name }, format!("ignore rule {:?}: {e}", i.name))
                })?;
            rules.ignore.push((i.name.clone(), regex));
        }
        for r in &f.suppress {
            if r.path.is_none() && r.text.is_none() {
                return Err(bad("[[suppress]]", "a [[suppress]] entry needs a path, a text or both".into()));
            }
            rules.suppress.push(r.clone());
        }
        if let Some(d) = &f.dates {
            for (word, &m) in &d.months {
                if !(1..=12).contains(&m) {
                    return Err(bad(word, format!("month {word:?} = {m} is not 1..12")));
                }
                rules.months.insert(word.to_lowercase(), m);
            }
            for (word, &w) in &d.weekdays {
                if !(1..=7).contains(&w) {
                    return Err(bad(word, format!("weekday {word:?} = {w} is not 1..7")));
                }
                rules.weekdays.insert(word.to_lowercase(), w);
            }
            for (word, &[a, b]) in &d.seasons {
                if !(1..=12).contains(&a) || !(1..=12).contains(&b) {
                    return Err(bad(word, format!("season {word:?}: months must be 1..12")));
                }
                rules.seasons.insert(word.to_lowercase(), [a, b]);
            }
            for (word, &[a, b]) in &d.parts {
                if !(1..=31).contains(&a) || !(a..=31).contains(&b) {
                    return Err(bad(word, format!("part {word:?}: days must be 1..31, first before last")));
                }
                rules.parts.insert(word.to_lowercase(), [a, b]);
            }
            rules.future_markers.extend(d.future_markers.iter().map(|w| w.to_lowercase()));
            for marker in &d.future_markers {
                if let Some((first, second)) = marker.to_lowercase().split_once(' ') {
                    rules.future_pairs.entry(first.to_string()).or_default().push(second.to_string());
                }
            }
            for (word, &[a, b]) in &d.vague_counts {
                if !(a > 0.0 && a <= b && b.is_finite()) {
                    return Err(bad(word, format!("vague count {word:?}: need 0 < low <= high")));
                }
                rules.vague_counts.insert(word.to_lowercase(), [a, b]);
            }
            rules.whole.extend(d.whole.iter().map(|w| w.to_lowercase()));
            rules.ambiguous_months.extend(d.ambiguous_months.iter().map(|w| w.to_lowercase()));
            for (word, &year) in &d.decades {
                if year % 10 != 0 {
                    return Err(bad(word, format!("decade {word:?}: {year} is not a decade's first year")));
                }
                rules.decades.insert(word.to_lowercase(), year);
            }
            if let Some(m) = d.time_hedge_minutes {
                if !(0.0..=720.0).contains(&m) {
                    return Err(bad("time_hedge_minutes", format!("time_hedge_minutes {m}: need 0..=720")));
                }
                rules.time_hedge_minutes = m;
            }
            rules.time_furniture.extend(d.time_furniture.iter().map(|w| w.to_lowercase()));
            rules.time_zones.extend(d.time_zones.iter().map(|w| w.to_lowercase()));
        }
        if let Some(s) = &f.subject {
            rules.stopwords.extend(s.stopwords.iter().map(|w| w.to_lowercase()));
            rules.generic.extend(s.generic.iter().map(|w| w.to_lowercase()));
            rules.identifiers.extend(s.identifiers.iter().map(|w| w.to_lowercase()));
            for w in &s.narrowing {
                match w.strip_prefix('-') {
                    Some(ending) => rules.narrowing.1.push(ending.to_lowercase()),
                    None => {
                        rules.narrowing.0.insert(w.to_lowercase());
                    }
                }
            }
            if let Some(w) = s.window {
                rules.window = w.clamp(1, 64);
            }
        }
        if let Some(a) = &f.align {
            // Every similarity threshold is a share, 0..1.
            let shares = [
                ("threshold", a.threshold, &mut rules.threshold),
                ("threshold_same_value", a.threshold_same_value, &mut rules.threshold_same_value),
                ("threshold_other_role", a.threshold_other_role, &mut rules.threshold_other_role),
                ("threshold_pooled", a.threshold_pooled, &mut rules.threshold_pooled),
                ("threshold_same_figure", a.threshold_same_figure, &mut rules.threshold_same_figure),
                ("threshold_sole", a.threshold_sole, &mut rules.threshold_sole),
                ("threshold_bare", a.threshold_bare, &mut rules.threshold_bare),
                ("threshold_overlap", a.threshold_overlap, &mut rules.threshold_overlap),
                ("threshold_date_conflict", a.threshold_date_conflict, &mut rules.threshold_date_conflict),
                ("threshold_same_date", a.threshold_same_date, &mut rules.threshold_same_date),
                ("fuzzy_term", a.fuzzy_term, &mut rules.fuzzy_term),
            ];
            for (name, value, slot) in shares {
                if let Some(t) = value {
                    if !(0.0..=1.0).contains(&t) {
                        return Err(bad(name, format!("align {name} {t} must lie in 0..1")));
                    }
                    *slot = t;
                }
            }
            if let Some(r) = a.max_conflict_ratio {
                if !(r >= 1.0 && r.is_finite()) {
                    return Err(bad("max_conflict_ratio", format!("align max_conflict_ratio {r} must be 1 or more")));
                }
                rules.max_conflict_ratio = r;
            }
            for (name, value, slot) in [
                ("max_sole_ratio", a.max_sole_ratio, &mut rules.max_sole_ratio),
                ("max_sole_measure_ratio", a.max_sole_measure_ratio, &mut rules.max_sole_measure_ratio),
            ] {
                if let Some(r) = value {
                    if !(r >= 1.0 && r.is_finite()) {
                        return Err(bad(name, format!("align {name} {r} must be 1 or more")));
                    }
                    *slot = r;
                }
            }
            if let Some(n) = a.outlier_sources {
                rules.outlier_sources = n.max(2);
            }
            if let Some(n) = a.day_sources {
                rules.day_sources = n.max(2);
            }
            if let Some(r) = a.max_currency_ratio {
                if !(r >= 1.0 && r.is_finite()) {
                    return Err(bad("max_currency_ratio", format!("align max_currency_ratio {r} must be 1 or more")));
                }
                rules.max_currency_ratio = r;
            }
        }
        for t in &f.tolerance {
            let kind = Kind::from_name(&t.kind)
                .ok_or_else(|| bad(&t.kind, format!("tolerance: unknown kind {:?}", t.kind)))?;
            if t.relative < 0.0 || t.absolute < 0.0 || t.rounding < 0.0 {
                return Err(bad(&t.kind, "tolerance values must not be negative".into()));
            }
            rules
                .tolerances
                .insert(kind, Tolerance { relative: t.relative, absolute: t.absolute, rounding: t.rounding });
        }
    }
    rules.hedges.sort_by(|a, b| b.words.len().cmp(&a.words.len()).then_with(|| a.words.cmp(&b.words)));
    rules.vague.sort_by(|a, b| b.words.len().cmp(&a.words.len()).then_with(|| a.words.cmp(&b.words)));
    rules.currency_symbols.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    rules.files = files;
    rules.starters = crate::extract::starters::of(&rules);
    Ok(rules)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_compile() {
        let rules = Rules::embedded().unwrap();
        assert_eq!(rules.alias("troops"), Some("soldier"));
        assert_eq!(rules.alias("dprk"), Some("north korea"));
        assert_eq!(rules.unit("km").map(|u| u.dimension.as_str()), Some("length"));
        assert!(!rules.hedges.is_empty());
    }

    #[test]
    fn syntax_errors_name_file_line_and_column() {
        let err = Rules::from_texts(vec![("r/x.toml".into(), "x.toml".into(), "[align]\nthreshold = = 1\n".into())])
            .unwrap_err();
        let Error::Rules { file, line, column, .. } = err else { panic!("{err}") };
        assert_eq!((file.as_str(), line), ("r/x.toml", 2));
        assert!(column > 1);
    }

    #[test]
    fn unknown_keys_and_wrong_types_are_refused() {
        let unknown =
            Rules::from_texts(vec![("x".into(), "x".into(), "[align]\nthreshhold = 0.5\n".into())]).unwrap_err();
        assert!(unknown.to_string().contains("threshhold"), "{unknown}");
        let wrong =
            Rules::from_texts(vec![("x".into(), "x".into(), "[align]\nthreshold = \"high\"\n".into())]).unwrap_err();
        assert!(wrong.to_string().starts_with("x:2:"), "{wrong}");
    }

    #[test]
    fn bad_and_oversized_regexes_are_refused_with_their_line() {
        let text = "[[ignore]]\nname = \"x\"\npattern = '(unclosed'\nwhy = \"y\"\n";
        let err = Rules::from_texts(vec![("x".into(), "x".into(), text.into())]).unwrap_err();
        assert!(err.to_string().starts_with("x:3:"), "{err}");
        let huge = "[[ignore]]\nname = \"x\"\npattern = '(\\w{1000}){1000}'\nwhy = \"y\"\n";
        let err = Rules::from_texts(vec![("x".into(), "x".into(), huge.into())]).unwrap_err();
        assert!(err.to_string().contains("size limit"), "{err}");
    }

    #[test]
    fn a_sense_names_a_unit_defined_before_it() {
        let unit = |name: &str, sense: &str| {
            format!("[[unit]]\nname = \"{name}\"\nkind = \"quantity\"\ndimension = \"d\"\naliases = [\"{name}\"]\n{sense}\n")
        };
        let orphan = unit("arc", "sense_of = \"nothing\"\ncues = [\"angle\"]");
        let err = Rules::from_texts(vec![("x".into(), "x".into(), orphan)]).unwrap_err();
        assert!(err.to_string().starts_with("x:6:"), "{err}");
        let good = unit("deg", "") + &unit("arc", "sense_of = \"deg\"\ncues = [\"angle\"]");
        let rules = Rules::from_texts(vec![("x".into(), "x".into(), good)]).unwrap();
        let deg = rules.unit("deg").unwrap();
        assert_eq!(rules.sense(deg, |w| w == "angle").name, "arc");
        assert_eq!(rules.sense(deg, |w| w == "weather").name, "deg");
    }
}
