//! Parsed rules files in, the compiled `Rules` out: lookup tables keyed by rule words, compiled
//! `ignore` patterns and the checks of values that parse but mean nothing, each reported by file,
//! line and column.

use rayon::prelude::*;
use regex_automata::meta;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::phrases::{char_prefixes, token_prefixes};
use super::schema::RulesFile;
use super::*;
use sections::Gathered;

mod sections;

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
    rules.ignore_prefixes = reach::prefixes_of(rules.ignore.iter().map(|(_, _, place)| place));
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
            let place = reach::Where::of(&i.pattern);
            let regex = ignore_regex(&i.pattern, matches!(place, reach::Where::Everywhere))
                // A pattern written with TOML escapes is not in the file verbatim; then point at its name.
                .map_err(|e| {
                    let verbatim = texts.get(file.as_str()).is_some_and(|t| t.contains(i.pattern.as_str()));
                    let needle = if verbatim { &i.pattern } else { &i.name };
                    located_error(texts, file, needle, format!("ignore rule {:?}: {e}", i.name))
                })?;
            Ok((i.name.clone(), regex, place))
        })
        .collect();
    compiled.into_iter().collect()
}

/// `pattern` compiled as the `regex` crate compiles it (its engine, with its defaults), with one
/// difference: only a pattern searched over the whole text (`searched_everywhere`, see
/// `reach::Where`) gets a literal prefilter. One searched in the short runs around digits, or run
/// anchored at its lower-case prefixes, never uses it: over a run of a few bytes or from a fixed
/// start a prefilter saves nothing, and building one was four fifths of the time such a pattern
/// took to compile, paid at every start.
pub(super) fn ignore_regex(pattern: &str, searched_everywhere: bool) -> Result<meta::Regex, String> {
    let config = meta::Config::new().nfa_size_limit(Some(REGEX_SIZE_LIMIT)).auto_prefilter(searched_everywhere);
    meta::Builder::new().configure(config).build(pattern).map_err(|e| match (e.size_limit(), e.syntax_error()) {
        // The `regex` crate's words, which users of regex tools know.
        (Some(limit), _) => format!("Compiled regex exceeds size limit of {limit} bytes."),
        (None, Some(syntax)) => syntax.to_string(),
        (None, None) => e.to_string(),
    })
}

/// Every table of `files` compiled: all of `Rules` but the ignore patterns.
fn tables(files: &[(String, RulesFile)], texts: &HashMap<&str, &str>) -> Result<Rules, Error> {
    let mut rules = sections::defaults();
    let mut gathered = Gathered::default();
    for (file, f) in files {
        let bad = |needle: &str, message: String| located_error(texts, file, needle, message);
        sections::read(&mut rules, &mut gathered, f, &bad)?;
    }
    let Gathered { alias_heads, alias_tails, aliases, listed } = gathered;
    // The indexes that need every file's entries, built once all are read.
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
    rules.identifiers_hold_non_words = rules.identifiers.iter().any(|w| !w.starts_with(char::is_alphabetic));
    let mut words = word_facts(&rules, (alias_heads, alias_tails), aliases, listed);
    crate::extract::starters::mark(&rules, &mut words);
    rules.words = super::words::WordTable::new(words);
    Ok(rules)
}

/// The facts of every word the subject reader asks about, from the stop words, number words,
/// scales, aliases, the first tokens of alias phrases and the tokens that follow them
/// (`alias_tails`) and the reader's word lists (`listed`), and of the first words of vague
/// quantities and hedges and the ordinals, which the measure matcher asks about, and of the
/// words that count a length of time without a number and the units of time, which its reader
/// asks about, and of the clause joins and gun verbs, which the counted-noun reader asks about.
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
    mark(&mut words, rules.number_words.keys().cloned(), |f| f.number_word = true);
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
    // A name's first token is one of the prefixes of its first word that end where a token can,
    // or all of that word. Only the first word is read: the facts are built at every start.
    let names = rules.currency_words.keys().chain(rules.currency_unit_words.keys());
    let first_words = names.filter_map(|name| name.split(char::is_whitespace).next());
    let heads = first_words.flat_map(|word| token_prefixes(word).chain([word])).map(str::to_string);
    mark(&mut words, heads, |f| f.opens_currency_name = true);
    mark(&mut words, rules.currency_letter_ends.iter().cloned(), |f| f.ends_currency_symbol = true);
    mark(&mut words, rules.ordinals.keys().cloned(), |f| f.ordinal = true);
    mark(&mut words, rules.clause_joins.iter().cloned(), |f| f.joins_clause = true);
    mark(&mut words, rules.gun_verbs.keys().cloned(), |f| f.gun_verb = true);
    mark(&mut words, rules.whole.iter().cloned(), |f| f.whole = true);
    mark(&mut words, rules.vague_counts.keys().cloned(), |f| f.vague_count = true);
    // In lower case, as tokens are read: `Rules::unit` finds a lower-case word by a spelling in
    // lower case.
    let spellings = rules.unit_lookup.iter().chain(&rules.unit_lookup_exact);
    let time: Vec<String> =
        spellings.filter(|&(_, &i)| rules.units[i].kind == Kind::Duration).map(|(w, _)| w.to_lowercase()).collect();
    let time_heads = time.iter().filter_map(|w| w.split_once(' ')).map(|(head, _)| head.to_string());
    mark(&mut words, time_heads, |f| f.opens_time_phrase = true);
    mark(&mut words, time, |f| f.time_unit = true);
    for (w, canonical) in aliases {
        words.entry(w).or_default().alias = Some(canonical);
    }
    for (w, lists) in listed {
        words.entry(w).or_default().lists = lists;
    }
    words
}
