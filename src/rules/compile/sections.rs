//! One parsed rules file in, its entries added to the `Rules` being compiled out: a function
//! per section, each checking the values that parse but mean nothing.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use crate::rules::phrases::{later_tokens, token_prefixes, words_of};
use crate::rules::schema::RulesFile;
use crate::rules::*;

/// Makes the error for the value `needle` stands in, in the file being read.
pub(super) type Bad<'a> = &'a dyn Fn(&str, String) -> Error;

/// What every file's sections add up to before it becomes word facts (`compile::word_facts`).
#[derive(Default)]
pub(super) struct Gathered {
    /// The first tokens of alias phrases.
    pub(super) alias_heads: HashSet<String>,
    /// The tokens that can follow the first of an alias phrase.
    pub(super) alias_tails: HashSet<String>,
    /// Each alias word or phrase to its canonical term (`WordFacts::alias`).
    pub(super) aliases: HashMap<String, String>,
    /// Each word of the subject reader's lists to the lists holding it (`WordFacts::lists`).
    pub(super) listed: HashMap<String, WordLists>,
}

/// Rules before any file is read: every table empty, every setting a file may change at its
/// default.
pub(super) fn defaults() -> Rules {
    Rules {
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
        identifiers_hold_non_words: false,
        countable: HashSet::default(),
        covers: HashSet::default(),
        ignore: Vec::new(),
        ignore_prefixes: None,
        months: HashMap::default(),
        weekdays: HashMap::default(),
        seasons: HashMap::default(),
        parts: HashMap::default(),
        future_markers: HashSet::default(),
        future_pairs: HashMap::default(),
        future_openings: [0; 256],
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
    }
}

/// Adds the entries of every section of `f` to `rules` and `gathered`, in the order the sections
/// are listed here; the first value that means nothing is the error.
pub(super) fn read(rules: &mut Rules, gathered: &mut Gathered, f: &RulesFile, bad: Bad) -> Result<(), Error> {
    numbers(rules, f, bad)?;
    hedges(rules, f, bad)?;
    vague(rules, f, bad)?;
    units(rules, f, bad)?;
    currencies(rules, f, bad)?;
    aliases(rules, gathered, f);
    suppress(rules, f, bad)?;
    dates(rules, f, bad)?;
    subject(rules, gathered, f);
    align(rules, f, bad)?;
    tolerances(rules, f, bad)?;
    Ok(())
}

/// The `[numbers]` section: number words, scales, suffixes, ordinals, fractions, the words that
/// negate or single out a count, and the scales written after currency codes.
fn numbers(rules: &mut Rules, f: &RulesFile, bad: Bad) -> Result<(), Error> {
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
    Ok(())
}

/// The `[[hedge]]` rules: each phrase a hedge of its own.
fn hedges(rules: &mut Rules, f: &RulesFile, bad: Bad) -> Result<(), Error> {
    for h in &f.hedge {
        let relative = h.relative.unwrap_or(0.0);
        if !(0.0..1.0).contains(&relative) {
            return Err(bad("relative", format!("hedge relative width {relative} must lie in 0..1")));
        }
        for phrase in &h.phrases {
            rules.hedges.push(Hedge { words: words_of(phrase), position: h.position, mode: h.mode, relative });
        }
    }
    Ok(())
}

/// The `[[vague]]` rules: each phrase a vague quantity of its own.
fn vague(rules: &mut Rules, f: &RulesFile, bad: Bad) -> Result<(), Error> {
    for v in &f.vague {
        if v.high.is_some_and(|h| h < v.low) {
            return Err(bad("high", format!("vague quantity {:?}: high is below low", v.phrases)));
        }
        for phrase in &v.phrases {
            rules.vague.push(Vague { words: words_of(phrase), low: v.low, high: v.high });
        }
    }
    Ok(())
}

/// The `[[unit]]` rules: each unit, its senses, and its aliases in the look-up tables.
fn units(rules: &mut Rules, f: &RulesFile, bad: Bad) -> Result<(), Error> {
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
    Ok(())
}

/// The `[[currency]]` rules: symbols, codes, minor units and the words that name a currency.
fn currencies(rules: &mut Rules, f: &RulesFile, bad: Bad) -> Result<(), Error> {
    for c in &f.currency {
        for s in &c.symbols {
            rules.currency_symbols.push((s.clone(), c.code.clone()));
            if spells_a_code(s.as_bytes()) {
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
    Ok(())
}

/// The `[[alias]]` rules: each word or phrase to its canonical term, with the parts a term covers
/// and whether it can be counted.
fn aliases(rules: &mut Rules, gathered: &mut Gathered, f: &RulesFile) {
    for a in &f.alias {
        let canonical = a.canonical.to_lowercase();
        for w in a.words.iter().chain(std::iter::once(&a.canonical)) {
            let key = words_of(w).join(" ");
            rules.alias_max_words = rules.alias_max_words.max(key.split(' ').count());
            gathered.alias_heads.extend(token_prefixes(&key).map(str::to_string));
            gathered.alias_tails.extend(later_tokens(&key).into_iter().map(str::to_string));
            gathered.aliases.insert(key, canonical.clone());
        }
        for part in &a.covers {
            rules.covers.insert((canonical.clone(), part.to_lowercase()));
        }
        if a.countable {
            rules.countable.insert(canonical);
        }
    }
}

/// The `[[suppress]]` rules, each of which needs a path, a text or both.
fn suppress(rules: &mut Rules, f: &RulesFile, bad: Bad) -> Result<(), Error> {
    for r in &f.suppress {
        if r.path.is_none() && r.text.is_none() {
            return Err(bad("[[suppress]]", "a [[suppress]] entry needs a path, a text or both".into()));
        }
        rules.suppress.push(r.clone());
    }
    Ok(())
}

/// The `[dates]` section: month, weekday, season and part-of-month words, future markers, vague
/// counts, decades and the words of times.
fn dates(rules: &mut Rules, f: &RulesFile, bad: Bad) -> Result<(), Error> {
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
        for marker in &d.future_markers {
            let marker = marker.to_lowercase();
            // A word (a token, never two) is matched against a one-word marker whole and against a
            // pair by its first word: either way, by the marker's first word.
            let first_word = marker.split(' ').next().unwrap_or_default();
            if let Some(&b) = first_word.as_bytes().first() {
                rules.future_openings[usize::from(b)] |= future_opening_bit(first_word.len());
            }
            if let Some((first, second)) = marker.split_once(' ') {
                rules.future_pairs.entry(first.to_string()).or_default().push(second.to_string());
            }
            rules.future_markers.insert(marker);
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
    Ok(())
}

/// The `[subject]` section: stop words, generic words, the subject reader's word lists and its
/// window.
fn subject(rules: &mut Rules, gathered: &mut Gathered, f: &RulesFile) {
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
                gathered.listed.entry(w.to_lowercase()).or_default().insert(list);
            }
        }
        rules.estimates.extend(s.estimates.iter().map(|w| w.to_lowercase()));
        for w in &s.narrowing {
            match w.strip_prefix('-') {
                Some(ending) => rules.narrowing_endings.push(ending.to_lowercase()),
                None => gathered.listed.entry(w.to_lowercase()).or_default().insert(WordLists::NARROWING),
            }
        }
        if let Some(w) = s.window {
            rules.window = w.clamp(1, 64);
        }
    }
}

/// The `[align]` section: every threshold and ratio alignment uses, each checked for its range.
fn align(rules: &mut Rules, f: &RulesFile, bad: Bad) -> Result<(), Error> {
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
        if let Some(n) = a.outlier_sources {
            rules.outlier_sources = n.max(2);
        }
        if let Some(n) = a.day_sources {
            rules.day_sources = n.max(2);
        }
        if let Some(d) = &a.one_value_dimensions {
            rules.one_value_dimensions = d.iter().map(|w| w.to_lowercase()).collect();
        }
        // Every ratio is a bound on how far apart two figures may be, 1 or more.
        for (name, value, slot) in [
            ("max_conflict_ratio", a.max_conflict_ratio, &mut rules.max_conflict_ratio),
            ("max_sole_ratio", a.max_sole_ratio, &mut rules.max_sole_ratio),
            ("max_sole_measure_ratio", a.max_sole_measure_ratio, &mut rules.max_sole_measure_ratio),
            ("max_place_ratio", a.max_place_ratio, &mut rules.max_place_ratio),
            ("max_loose_ratio", a.max_loose_ratio, &mut rules.max_loose_ratio),
            ("max_currency_ratio", a.max_currency_ratio, &mut rules.max_currency_ratio),
        ] {
            if let Some(r) = value {
                if !(r >= 1.0 && r.is_finite()) {
                    return Err(bad(name, format!("align {name} {r} must be 1 or more")));
                }
                *slot = r;
            }
        }
    }
    Ok(())
}

/// The `[[tolerance]]` rules: how far two values of a kind may differ and still agree.
fn tolerances(rules: &mut Rules, f: &RulesFile, bad: Bad) -> Result<(), Error> {
    for t in &f.tolerance {
        let kind =
            Kind::from_name(&t.kind).ok_or_else(|| bad(&t.kind, format!("tolerance: unknown kind {:?}", t.kind)))?;
        if t.relative < 0.0 || t.absolute < 0.0 || t.rounding < 0.0 {
            return Err(bad(&t.kind, "tolerance values must not be negative".into()));
        }
        rules.tolerances.insert(kind, Tolerance { relative: t.relative, absolute: t.absolute, rounding: t.rounding });
    }
    Ok(())
}
