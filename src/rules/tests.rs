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
fn the_longest_hedge_is_the_first() {
    let rules = Rules::embedded().unwrap();
    assert_eq!(Some(rules.longest_hedge()), rules.hedges.iter().map(|h| h.words.len()).max());
}

#[test]
fn currency_letter_ends_are_the_letters_symbols_end_with() {
    let rules = Rules::embedded().unwrap();
    assert!(rules.may_end_currency_letters("usd"));
    assert!(rules.may_end_currency_letters("USD"));
    assert!(rules.may_end_currency_letters("Mxn"));
    assert!(!rules.may_end_currency_letters("and"));
    assert!(!rules.may_end_currency_letters("than"));
    // "Mex$" ends in a mark, "Rs." in a dot: neither ends in letters.
    assert!(!rules.may_end_currency_letters("mex"));
    let lettered = rules.currency_symbols.iter().filter(|(s, _)| s.bytes().all(|b| b.is_ascii_alphabetic()));
    for (symbol, _) in lettered {
        assert!(rules.may_end_currency_letters(symbol), "symbol {symbol:?}");
    }
}

#[test]
fn word_facts_mark_every_word_of_their_tables() {
    // The matchers skip a table's lookup where a word's facts lack its mark.
    let rules = Rules::embedded().unwrap();
    for w in rules.ordinals.keys() {
        assert!(rules.word(w).is_some_and(|f| f.ordinal), "ordinal {w:?}");
    }
    for v in rules.vague.iter().filter(|v| v.words.len() == 1 && !v.words[0].contains('-')) {
        assert!(rules.word(&v.words[0]).is_some_and(|f| f.vague_alone), "vague {:?}", v.words);
    }
    for w in &rules.clause_joins {
        assert!(rules.word(w).is_some_and(|f| f.joins_clause), "clause join {w:?}");
    }
    for w in rules.gun_verbs.keys() {
        assert!(rules.word(w).is_some_and(|f| f.gun_verb), "gun verb {w:?}");
    }
    for w in &rules.whole {
        assert!(rules.word(w).is_some_and(|f| f.whole), "whole {w:?}");
    }
    for w in rules.vague_counts.keys() {
        assert!(rules.word(w).is_some_and(|f| f.vague_count), "vague count {w:?}");
    }
    for w in ["hours", "hour", "min", "days", "weeks", "years", "fortnight", "seconds"] {
        assert!(rules.unit(w).is_some_and(|u| u.kind == crate::claim::Kind::Duration), "{w:?}");
        assert!(rules.word(w).is_some_and(|f| f.time_unit), "unit of time {w:?}");
    }
    for w in ["km", "percent", "people", "million"] {
        assert!(!rules.word(w).is_some_and(|f| f.time_unit), "no unit of time {w:?}");
    }
    for w in ["business", "working"] {
        assert!(rules.word(w).is_some_and(|f| f.opens_time_phrase), "unit of time's head {w:?}");
    }
    for w in ["years", "square", "miles", "days"] {
        assert!(!rules.word(w).is_some_and(|f| f.opens_time_phrase), "no unit of time's head {w:?}");
    }
    for w in ["dollars", "us", "u.s.", "-", "€", "pounds", "new"] {
        assert!(rules.word(w).is_some_and(|f| f.opens_currency_name), "currency name head {w:?}");
    }
    for w in ["people", "km", "of", "dollarz"] {
        assert!(!rules.word(w).is_some_and(|f| f.opens_currency_name), "no currency name head {w:?}");
    }
    for w in ["usd", "rs", "eur"] {
        assert!(rules.word(w).is_some_and(|f| f.ends_currency_symbol), "currency symbol end {w:?}");
    }
    for w in ["than", "people", "about"] {
        assert!(!rules.word(w).is_some_and(|f| f.ends_currency_symbol), "no currency symbol end {w:?}");
    }
    // `extract::number::Facts::number_word` believes the mark both ways, with no lookup.
    for w in rules.number_words.keys() {
        assert!(rules.word(w).is_some_and(|f| f.number_word), "number word {w:?}");
    }
    for w in ["a", "million", "half", "third", "people", "first"] {
        assert!(!rules.word(w).is_some_and(|f| f.number_word) || rules.number_words.contains_key(w), "{w:?}");
    }
}

#[test]
fn identifiers_open_with_a_letter() {
    // So `extract::measure::code` looks the shipped identifiers up only after words, which open
    // with a letter: a mark before a number is asked only of rules that add one that is no word.
    let rules = Rules::embedded().unwrap();
    assert!(!rules.identifiers_hold_non_words);
    for w in &rules.identifiers {
        assert!(w.starts_with(char::is_alphabetic), "identifier {w:?} is no word");
    }
}

#[test]
fn syntax_errors_name_file_line_and_column() {
    let err =
        Rules::from_texts(vec![("r/x.toml".into(), "x.toml".into(), "[align]\nthreshold = = 1\n".into())]).unwrap_err();
    let Error::Rules { file, line, column, .. } = err else { panic!("{err}") };
    assert_eq!((file.as_str(), line), ("r/x.toml", 2));
    assert!(column > 1);
}

#[test]
fn unknown_keys_and_wrong_types_are_refused() {
    let unknown = Rules::from_texts(vec![("x".into(), "x".into(), "[align]\nthreshhold = 0.5\n".into())]).unwrap_err();
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

/// The patterns compile in parallel; the error shown is still the first bad one in file order.
#[test]
fn the_first_bad_pattern_in_file_order_is_the_one_reported() {
    let bad = |name: &str| format!("[[ignore]]\nname = \"{name}\"\npattern = '({name}'\nwhy = \"y\"\n");
    let texts = || {
        let many: String = (0..8).map(|k| bad(&format!("p{k}"))).collect();
        vec![("a".to_string(), "a".to_string(), many), ("b".to_string(), "b".to_string(), bad("q"))]
    };
    for _ in 0..20 {
        let err = Rules::from_texts(texts()).unwrap_err().to_string();
        assert!(err.starts_with("a:3:") && err.contains("\"p0\""), "{err}");
    }
}

/// A pattern searched only around digits or at its lower-case prefixes is built without a
/// prefilter, which must change no match: each shipped one finds, over its examples and the seeds,
/// what it finds with one.
#[test]
fn a_pattern_without_its_prefilter_finds_the_same_matches() {
    let seeds = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/seeds")).unwrap();
    let mut texts: Vec<String> = seeds.map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap()).collect();
    let rules = Rules::embedded().unwrap();
    for (_, file) in rules.files() {
        texts.extend(file.ignore.iter().flat_map(|i| i.examples.iter().cloned()));
    }
    let haystack = texts.join("\n");
    let (mut near_digits, mut at_prefixes) = (0, 0);
    for (_, file) in rules.files() {
        for i in &file.ignore {
            match reach::Where::of(&i.pattern) {
                reach::Where::NearDigits(_) => near_digits += 1,
                reach::Where::AtPrefixes(_) => at_prefixes += 1,
                reach::Where::Everywhere => continue,
            }
            let spans = |prefilter: bool| -> Vec<(usize, usize)> {
                let regex = compile::ignore_regex(&i.pattern, prefilter).unwrap();
                regex.find_iter(&haystack).map(|m| (m.start(), m.end())).collect()
            };
            let with = spans(true);
            assert!(!with.is_empty(), "{}: no match to compare", i.name);
            assert_eq!(spans(false), with, "{}", i.name);
        }
    }
    assert!(near_digits >= 2, "only {near_digits} patterns are searched around digits");
    assert!(at_prefixes >= 2, "only {at_prefixes} patterns are searched at their prefixes");
}

#[test]
fn a_sense_names_a_unit_defined_before_it() {
    let unit = |name: &str, sense: &str| {
        format!(
            "[[unit]]\nname = \"{name}\"\nkind = \"quantity\"\ndimension = \"d\"\naliases = [\"{name}\"]\n{sense}\n"
        )
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

#[test]
fn a_gun_verb_must_be_an_alias_word() {
    let alias = "[[alias]]\ncanonical = \"shots fired\"\nwords = [\"fired\"]\n";
    let text = format!("{alias}[subject]\ngun_verbs = [\"fired\", \"fires\"]\n");
    let err = Rules::from_texts(vec![("x".into(), "x".into(), text)]).unwrap_err();
    assert!(err.to_string().starts_with("x:5:"), "{err}");
    assert!(err.to_string().contains("\"fires\""), "{err}");
    let text = format!("{alias}[subject]\ngun_verbs = [\"fired\"]\n");
    assert!(Rules::from_texts(vec![("x".into(), "x".into(), text)]).is_ok());
}

#[test]
fn future_openings_let_through_every_marker_and_pair_head() {
    let rules = Rules::embedded().expect("embedded rules");
    for w in ["will", "shall", "going", "expected", "scheduled", "next", "please"] {
        assert!(rules.may_open_future(w), "{w:?}");
    }
    // Same first byte as a marker, another length; and a pair whole, never one token.
    for w in ["would", "said", "the", "going to", ""] {
        assert!(!rules.may_open_future(w), "{w:?}");
    }
}
