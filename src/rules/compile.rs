//! Parsed rules files in, the compiled `Rules` out: lookup tables keyed by rule words, compiled
//! `ignore` patterns and the checks of values that parse but mean nothing, each reported by file,
//! line and column.

use rayon::prelude::*;
use regex_automata::meta;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::phrases::{char_prefixes, later_tokens, token_prefixes, words_of};
use super::schema::RulesFile;
use super::*;

/// Largest compiled size allowed for one `ignore` pattern, so a hand-edited rule cannot eat memory.
const REGEX_SIZE_LIMIT: usize = 1 << 20;

/// Where in `text` a TOML key's value stands, for error messages about values that parse but mean
/// nothing (a bad regex, an unknown kind).
fn locate(texts: &HashMap<&str, &str>, file: &str, needle: &str) -> (usize, usize) {
    texts.get(file).and_then(|t| t.find(needle).map(|i| line_col(t, i))).unwrap_or((0, 0))
}

/// An error about the value `needle` stands in, in rules file `file`.
fn located_error(texts: &HashMap<&str, &str>, file: &str, needle: &str, message: String) -> Error {
    let (line, column) = locate(texts, file, needle);
    Error::Rules { file: file.to_string(), line, column, message }
}

pub(super) fn compile(files: &[(String, RulesFile)], texts: &HashMap<&str, &str>) -> Result<Rules, Error> {
    // The ignore patterns cost about as much to compile as every table together (each is a
    // regex's automata) and need nothing else the files hold, so they compile on the other cores
    // meanwhile, which shortens every start.
    let (tables, ignore) = rayon::join(|| tables(files, texts), || ignore_patterns(files, texts));
    let mut rules = tables?;
    rules.ignore = ignore?;
    Ok(rules)
}

/// Every file's `ignore` patterns compiled, in file order; the first bad one, in that order, is
/// the error whichever finished first.
fn ignore_patterns(files: &[(String, RulesFile)], texts: &HashMap<&str, &str>) -> Result<Vec<IgnorePattern>, Error> {
    let wanted: Vec<(&String, &schema::IgnoreRule)> =
        files.iter().flat_map(|(file, f)| f.ignore.iter().map(move |i| (file, i))).collect();
    let compiled: Vec<Result<IgnorePattern, Error>> = wanted
        .par_iter()
        .map(|&(file, i)| {
            let reach = reach::reach(&i.pattern);
            let regex = ignore_regex(&i.pattern, reach.is_some())
                // A pattern written with TOML escapes is not in the file verbatim; then point at its name.
                .map_err(|e| {
                    let verbatim = texts.get(file.as_str()).is_some_and(|t| t.contains(i.pattern.as_str()));
                    let needle = if verbatim { &i.pattern } else { &i.name };
                    located_error(texts, file, needle, format!("ignore rule {:?}: {e}", i.name))
                })?;
            Ok((i.name.clone(), regex, reach))
        })
        .collect();
    compiled.into_iter().collect()
}

/// `pattern` compiled as the `regex` crate compiles it (its engine, with its defaults), with one
/// difference: a pattern searched only in the short runs around digits (`searched_near_digits`,
/// see `reach`) gets no literal prefilter. Over a run of a few bytes a prefilter saves nothing,
/// and building one was four fifths of the time such a pattern took to compile, paid at every
/// start.
pub(super) fn ignore_regex(pattern: &str, searched_near_digits: bool) -> Result<meta::Regex, String> {
    let config = meta::Config::new().nfa_size_limit(Some(REGEX_SIZE_LIMIT)).auto_prefilter(!searched_near_digits);
    meta::Builder::new().configure(config).build(pattern).map_err(|e| match (e.size_limit(), e.syntax_error()) {
        // The `regex` crate's words, which users of regex tools know.
        (Some(limit), _) => format!("Compiled regex exceeds size limit of {limit} bytes."),
        (None, Some(syntax)) => syntax.to_string(),
        (None, None) => e.to_string(),
    })
}

/// Every table of `files` compiled: all of `Rules` but the ignore patterns.
fn tables(files: &[(String, RulesFile)], texts: &HashMap<&str, &str>) -> Result<Rules, Error> {
    let mut rules = Rules {
        texts: Vec::new(),
        number_words: HashMap::default(),
        scales: HashMap::default(),
        suffixes: HashMap::default(),
        suffix_max_len: 0,
        ordinals: HashMap::default(),
        fractions: HashMap::default(),
        negatives: HashSet::default(),
        single_kinds: HashSet::default(),
        single_negations: HashSet::default(),
        calibre_nouns: HashSet::default(),
        hedges: Vec::new(),
        hedges_before_by_last: HashMap::default(),
        hedges_by_first: HashMap::default(),
        vague: Vec::new(),
        vague_by_first: HashMap::default(),
        units: Vec::new(),
        unit_lookup: HashMap::default(),
        unit_lookup_exact: HashMap::default(),
        unit_lookup_second: HashMap::default(),
        unit_lookup_lower: HashMap::default(),
        unit_prefixes: HashSet::default(),
        unit_phrase_heads: HashSet::default(),
        unit_max_words: 1,
        currency_symbols: Vec::new(),
        currency_spellings: HashMap::default(),
        currency_lengths: Vec::new(),
        currency_last_bytes: [false; 256],
        currency_letter_ends: HashSet::default(),
        currency_words: HashMap::default(),
        currency_unit_words: HashMap::default(),
        currency_name_prefixes: HashSet::default(),
        currency_codes: HashMap::default(),
        code_scales: HashMap::default(),
        currency_minor: HashMap::default(),
        words: Default::default(),
        alias_max_words: 1,
        lists_hold_digits: false,
        countable: HashSet::default(),
        covers: HashSet::default(),
        ignore: Vec::new(),
        months: HashMap::default(),
        weekdays: HashMap::default(),
        seasons: HashMap::default(),
        parts: HashMap::default(),
        future_markers: HashSet::default(),
        future_pairs: HashMap::default(),
        future_first_bytes: [false; 256],
        vague_counts: HashMap::default(),
        whole: HashSet::default(),
        ambiguous_months: HashSet::default(),
        verb_months: HashSet::default(),
        day_anchors: HashSet::default(),
        decades: HashMap::default(),
        time_hedge_minutes: 15.0,
        time_zones: HashSet::default(),
        universal_zones: HashSet::default(),
        time_furniture: HashSet::default(),
        stopwords: HashSet::default(),
        generic: HashSet::default(),
        window: 8,
        identifiers: HashSet::default(),
        narrowing_endings: Vec::new(),
        added: Vec::new(),
        clause_joins: HashSet::default(),
        gun_verbs: HashMap::default(),
        estimates: HashSet::default(),
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
        threshold_camps: 0.2,
        one_value_dimensions: Vec::new(),
        threshold_added: 0.5,
        max_sole_ratio: 3.0,
        max_sole_measure_ratio: 1.1,
        max_place_ratio: 1.5,
        max_loose_ratio: 10.0,
        outlier_sources: 2,
        day_sources: 3,
        threshold_date_conflict: 0.5,
        threshold_same_date: 0.1,
        max_conflict_ratio: 25.0,
        max_currency_ratio: 3.0,
        fuzzy_term: 0.92,
        tolerances: BTreeMap::new(),
        suppress: Vec::new(),
    };
    // The first tokens of alias phrases, gathered into the word facts at the end.
    let mut alias_heads: HashSet<String> = HashSet::default();
    // The tokens that can follow the first of an alias phrase, gathered likewise.
    let mut alias_tails: HashSet<String> = HashSet::default();
    // Each alias word or phrase to its canonical term, kept in the word facts (`WordFacts::alias`).
    let mut aliases: HashMap<String, String> = HashMap::default();
    // Each word of the subject reader's lists to the lists holding it (`WordFacts::lists`).
    let mut listed: HashMap<String, WordLists> = HashMap::default();
    for (file, f) in files {
        let bad = |needle: &str, message: String| located_error(texts, file, needle, message);
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
            rules.single_kinds.extend(n.single_kinds.iter().map(|w| w.to_lowercase()));
            rules.single_negations.extend(n.single_negations.iter().map(|w| w.to_lowercase()));
            rules.calibre_nouns.extend(n.calibre_nouns.iter().map(|w| w.to_lowercase()));
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
                if let Some((head, _)) = alias.split_once(' ') {
                    rules.unit_phrase_heads.insert(head.to_lowercase());
                }
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
                if super::spells_a_code(s.as_bytes()) {
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
                alias_heads.extend(token_prefixes(&key).map(str::to_string));
                alias_tails.extend(later_tokens(&key).into_iter().map(str::to_string));
                aliases.insert(key, canonical.clone());
            }
            for part in &a.covers {
                rules.covers.insert((canonical.clone(), part.to_lowercase()));
            }
            if a.countable {
                rules.countable.insert(canonical);
            }
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
            for marker in &d.future_markers {
                if let Some(&b) = marker.to_lowercase().as_bytes().first() {
                    rules.future_first_bytes[usize::from(b)] = true;
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
            rules.verb_months.extend(d.verb_months.iter().map(|w| w.to_lowercase()));
            rules.day_anchors.extend(d.day_anchors.iter().map(|w| w.to_lowercase()));
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
            rules.universal_zones.extend(d.universal_zones.iter().map(|w| w.to_lowercase()));
        }
        if let Some(s) = &f.subject {
            rules.stopwords.extend(s.stopwords.iter().map(|w| w.to_lowercase()));
            rules.generic.extend(s.generic.iter().map(|w| w.to_lowercase()));
            rules.identifiers.extend(s.identifiers.iter().map(|w| w.to_lowercase()));
            for w in &s.added {
                let w = w.to_lowercase();
                if !rules.added.contains(&w) {
                    rules.added.push(w);
                }
            }
            rules.clause_joins.extend(s.clause_joins.iter().map(|w| w.to_lowercase()));
            // Each word of the subject reader's lists, with the lists that hold it; a word of the
            // gravest or the lightest degree is a word of severity too.
            let lists = [
                (&s.severity, WordLists::SEVERITY),
                (&s.critical, WordLists::SEVERITY | WordLists::CRITICAL),
                (&s.mild, WordLists::SEVERITY | WordLists::MILD),
                (&s.blows, WordLists::BLOWS),
                (&s.partitive, WordLists::PARTITIVE),
                (&s.instalment, WordLists::INSTALMENT),
                (&s.including, WordLists::INCLUDING),
                (&s.statements, WordLists::STATEMENTS),
                (&s.statement_nouns, WordLists::STATEMENT_NOUNS),
                (&s.institutions, WordLists::INSTITUTIONS),
                (&s.disputes, WordLists::DISPUTES),
            ];
            for (words, list) in lists {
                for w in words {
                    listed.entry(w.to_lowercase()).or_default().insert(list);
                }
            }
            rules.estimates.extend(s.estimates.iter().map(|w| w.to_lowercase()));
            for w in &s.narrowing {
                match w.strip_prefix('-') {
                    Some(ending) => rules.narrowing_endings.push(ending.to_lowercase()),
                    None => listed.entry(w.to_lowercase()).or_default().insert(WordLists::NARROWING),
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
                ("threshold_camps", a.threshold_camps, &mut rules.threshold_camps),
                ("threshold_added", a.threshold_added, &mut rules.threshold_added),
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
                ("max_place_ratio", a.max_place_ratio, &mut rules.max_place_ratio),
                ("max_loose_ratio", a.max_loose_ratio, &mut rules.max_loose_ratio),
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
            if let Some(d) = &a.one_value_dimensions {
                rules.one_value_dimensions = d.iter().map(|w| w.to_lowercase()).collect();
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
    rules.suffix_max_len = rules.suffixes.keys().map(String::len).max().unwrap_or(0);
    rules.hedges.sort_by(|a, b| b.words.len().cmp(&a.words.len()).then_with(|| a.words.cmp(&b.words)));
    for (i, h) in rules.hedges.iter().enumerate() {
        if let Some(first) = h.words.first() {
            rules.hedges_by_first.entry(first.clone()).or_default().push(i);
        }
    }
    for (i, h) in rules.hedges.iter().enumerate().filter(|(_, h)| h.position == HedgePosition::Before) {
        if let Some(last) = h.words.last() {
            rules.hedges_before_by_last.entry(last.clone()).or_default().push(i);
        }
    }
    rules.vague.sort_by(|a, b| b.words.len().cmp(&a.words.len()).then_with(|| a.words.cmp(&b.words)));
    for (i, v) in rules.vague.iter().enumerate() {
        let Some(first) = v.words.first() else { continue };
        // The whole first word, and each part of it that ends before a hyphen.
        for end in first.match_indices('-').map(|(at, _)| at).chain([first.len()]) {
            rules.vague_by_first.entry(first[..end].to_string()).or_default().push(i);
        }
    }
    rules.currency_symbols.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    for (i, (symbol, _)) in rules.currency_symbols.iter().enumerate() {
        rules.currency_spellings.entry(symbol.to_ascii_lowercase()).or_default().push(i);
        if let Some(&last) = symbol.as_bytes().last() {
            rules.currency_last_bytes[usize::from(last.to_ascii_lowercase())] = true;
        }
        let letters = symbol.bytes().rev().take_while(u8::is_ascii_alphabetic).count();
        if letters > 0 {
            rules.currency_letter_ends.insert(symbol[symbol.len() - letters..].to_ascii_lowercase());
        }
        if !rules.currency_lengths.contains(&symbol.len()) {
            rules.currency_lengths.push(symbol.len());
        }
    }
    let names = rules.currency_words.keys().chain(rules.currency_unit_words.keys());
    let name_prefixes: Vec<String> = names.flat_map(|name| char_prefixes(name).map(str::to_string)).collect();
    rules.currency_name_prefixes.extend(name_prefixes);
    // The exact spellings come last, so that where both tables hold a word, the exact one wins.
    let lower: Vec<(String, usize)> = (rules.unit_lookup.iter())
        .chain(&rules.unit_lookup_exact)
        .filter(|(w, _)| ascii_lower(w))
        .map(|(w, &i)| (w.clone(), i))
        .collect();
    rules.unit_lookup_lower.extend(lower);
    let spellings: Vec<String> = rules.unit_spellings().cloned().collect();
    for spelling in spellings {
        rules.unit_prefixes.extend(char_prefixes(&spelling).map(str::to_string));
    }
    // A gun verb marks its figure with the role of its alias ("fired" counts the shots fired),
    // known once every file's aliases are; a verb with none would silently take the noun its word
    // forms make ("fires" is a blaze).
    for (file, f) in files {
        for verb in f.subject.iter().flat_map(|s| &s.gun_verbs) {
            let Some(role) = aliases.get(&verb.to_lowercase()) else {
                let (line, column) = locate(texts, file, &format!("{verb:?}"));
                let message =
                    format!("gun verb {verb:?} is no alias word: list it in the [[alias]] of the role it marks");
                return Err(Error::Rules { file: file.clone(), line, column, message });
            };
            rules.gun_verbs.insert(verb.to_lowercase(), role.clone());
        }
    }
    rules.lists_hold_digits = listed.keys().any(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    let mut words = word_facts(&rules, (alias_heads, alias_tails), aliases, listed);
    crate::extract::starters::mark(&rules, &mut words);
    rules.words = super::words::WordTable::new(words);
    Ok(rules)
}

/// The facts of every word the subject reader asks about, from the stop words, number words,
/// scales, aliases, the first tokens of alias phrases and the tokens that follow them
/// (`alias_tails`) and the reader's word lists (`listed`), and of the first words of vague
/// quantities and hedges and the ordinals, which the measure matcher asks about, and of the
/// words that count a length of time without a number, which its reader asks about, and of the
/// clause joins and gun verbs, which the counted-noun reader asks about.
fn word_facts(
    rules: &Rules,
    (alias_heads, alias_tails): (HashSet<String>, HashSet<String>),
    aliases: HashMap<String, String>,
    listed: HashMap<String, WordLists>,
) -> HashMap<String, WordFacts> {
    // Each table's words get its mark: one line a fact, so a table taught to the matchers is one
    // more line here (and one more in `word_facts_mark_every_word_of_their_tables`).
    fn mark(words: &mut HashMap<String, WordFacts>, table: impl IntoIterator<Item = String>, set: fn(&mut WordFacts)) {
        for w in table {
            set(words.entry(w).or_default());
        }
    }
    let mut words: HashMap<String, WordFacts> = HashMap::default();
    mark(&mut words, rules.stopwords.iter().cloned(), |f| {
        f.stopword = true;
        f.no_term = true;
    });
    mark(&mut words, rules.number_words.keys().chain(rules.scales.keys()).cloned(), |f| f.no_term = true);
    mark(&mut words, alias_heads, |f| f.opens_alias = true);
    mark(&mut words, alias_tails, |f| f.continues_alias = true);
    mark(&mut words, rules.vague_by_first.keys().cloned(), |f| f.opens_vague = true);
    let alone = rules.vague.iter().filter(|v| v.words.len() == 1 && !v.words[0].contains('-'));
    mark(&mut words, alone.map(|v| v.words[0].clone()), |f| f.vague_alone = true);
    mark(&mut words, rules.hedges_by_first.keys().cloned(), |f| f.opens_hedge = true);
    mark(&mut words, rules.hedges_before_by_last.keys().cloned(), |f| f.closes_hedge = true);
    let tables = rules.number_words.keys().chain(rules.scales.keys()).chain(rules.fractions.keys()).cloned();
    mark(&mut words, tables.chain(rules.scales.keys().map(|w| format!("{w}s"))), |f| f.in_numbers = true);
    mark(&mut words, rules.unit_phrase_heads.iter().cloned(), |f| f.opens_unit_phrase = true);
    mark(&mut words, rules.ordinals.keys().cloned(), |f| f.ordinal = true);
    mark(&mut words, rules.clause_joins.iter().cloned(), |f| f.joins_clause = true);
    mark(&mut words, rules.gun_verbs.keys().cloned(), |f| f.gun_verb = true);
    mark(&mut words, rules.whole.iter().cloned(), |f| f.whole = true);
    mark(&mut words, rules.vague_counts.keys().cloned(), |f| f.vague_count = true);
    for (w, canonical) in aliases {
        words.entry(w).or_default().alias = Some(canonical);
    }
    for (w, lists) in listed {
        words.entry(w).or_default().lists = lists;
    }
    words
}
