use super::*;
use crate::extract::lexer::tokenize;

fn measure(text: &str) -> Option<Measure<'static>> {
    let rules = Rules::embedded().unwrap();
    let tokens = tokenize(text, 0, text.len());
    (0..tokens.len()).find_map(|i| match match_measure(&tokens, text, &rules, i) {
        Some(Found::Claim(m)) => Some(owned(m)),
        _ => None,
    })
}

/// `m` with its words copied, to outlive the rules and tokens it borrows them from.
fn owned(m: Measure) -> Measure<'static> {
    let own = |w: Cow<str>| Cow::Owned(w.into_owned());
    Measure {
        start: m.start,
        end: m.end,
        kind: m.kind,
        value: m.value,
        nominal: m.nominal,
        written: m.written,
        written_unit: own(m.written_unit),
        hedge: m.hedge,
        unit: own(m.unit),
        head: m.head.map(own),
        rule: m.rule,
    }
}

#[test]
fn counts_with_hedges_and_nouns() {
    let m = measure("sent around 11,000 soldiers to Kursk").unwrap();
    assert_eq!((m.kind, &*m.unit, m.hedge), (Kind::Count, "soldier", Hedge::Approx));
    assert_eq!(m.value, Interval::between(10450.0, 11550.0));
    let m = measure("over 10,000 North Korean troops").unwrap();
    assert_eq!(m.value, Interval::new(Some(10001.0), None));
    assert_eq!(m.unit, "soldier");
    let m = measure("24 people were killed").unwrap();
    assert_eq!(m.unit, "dead");
    let m = measure("the quake killed at least 12 people on Tuesday").unwrap();
    assert_eq!(m.unit, "dead");
    let m = measure("rescuers evacuated 300 people").unwrap();
    assert_eq!(m.unit, "displaced");
}

#[test]
fn an_age_at_death_is_no_toll() {
    let m = measure("Mark Felt dies at 95").unwrap();
    assert_eq!((m.kind, &*m.unit), (Kind::Quantity, "year of age"));
    assert_eq!(measure("the man died at 3 hospitals").unwrap().kind, Kind::Count);
    for text in ["he died at age 95", "Felt, aged 95, died", "died at the age of 95", "Kimani Gray, 16, was shot"] {
        assert_eq!(measure(text).unwrap().unit, "year of age", "{text}");
    }
}

#[test]
fn a_general_noun_takes_no_counted_word_from_the_next_clause() {
    let m = measure("killing at least three people and injuring dozens more").unwrap();
    assert_eq!(m.unit, "dead");
    assert_eq!(measure("three people were injured").unwrap().unit, "injured");
}

#[test]
fn a_general_noun_takes_its_counted_word_past_auxiliaries_and_adverbs() {
    // "Others" and "were" say nothing: the clause counts the injured, not the dead before it.
    let m = measure("a girl was killed and dozens of others were seriously injured").unwrap();
    assert_eq!(m.unit, "injured");
    assert_eq!(measure("eight people had suffered from serious injury").unwrap().unit, "injured");
}

#[test]
fn people_named_are_not_counted_as_those_named_before_them() {
    let m = measure("no sign that troops had identified the hundreds of civilians in the school").unwrap();
    assert_eq!(m.unit, "people");
    // A verb before them still says what befell them.
    assert_eq!(measure("troops killed 12 civilians in the school").unwrap().unit, "dead");
}

#[test]
fn shots_fired_are_counted_apart_from_the_bullets_that_hit() {
    assert_eq!(measure("the officers fired a total of 11 shots").unwrap().unit, "shots fired");
    assert_eq!(measure("the seven bullets fired by the officers").unwrap().unit, "shot");
    assert_eq!(measure("two officers fired at him").unwrap().unit, "officer");
}

#[test]
fn a_phrase_right_before_the_number_names_what_is_counted() {
    let m = measure("brick and cement structures home to 167,000 people remained wary").unwrap();
    assert_eq!(m.unit, "population");
    assert_eq!(measure("Manokwari, a city of 160,000 people, was hit").unwrap().unit, "population");
    // A phrase further back names nothing the number counts.
    assert_eq!(measure("a city of ruins where rescuers evacuated 300 people").unwrap().unit, "displaced");
}

#[test]
fn a_word_in_s_gives_way_to_a_counted_word_after_it() {
    assert_eq!(measure("two plainclothes officers shot him").unwrap().unit, "officer");
    assert_eq!(measure("two plainclothes NYPD officers shot him").unwrap().unit, "officer");
    assert_eq!(measure("out of 23 arrested pirates").unwrap().unit, "pirate");
    assert_eq!(measure("three dead people").unwrap().unit, "dead");
    assert_eq!(measure("two countries signed").unwrap().unit, "country");
}

#[test]
fn a_preposition_is_no_counted_noun() {
    let rules = Rules::embedded().unwrap();
    let text = "killing three people and injuring dozens more across the region";
    let tokens = tokenize(text, 0, text.len());
    let dozens = tokens.iter().position(|t| t.norm == "dozens").unwrap();
    let Some(Found::Claim(m)) = match_measure(&tokens, text, &rules, dozens) else { panic!("no claim") };
    assert_eq!(m.unit, "injured");
}

#[test]
fn ranges_in_every_spelling() {
    for text in [
        "an additional 25,000-30,000 soldiers",
        "a further 25,000 to 30,000 soldiers",
        "between 25,000 and 30,000 soldiers",
        "25 to 30 thousand soldiers",
    ] {
        let m = measure(text).unwrap();
        assert_eq!(m.value, Interval::between(25000.0, 30000.0), "{text}");
        assert_eq!(m.unit, "soldier", "{text}");
    }
    assert_eq!(measure("a 7-5 win").unwrap().value, Interval::exact(7.0));
}

#[test]
fn money_percent_and_units() {
    let m = measure("paid $334 million").unwrap();
    assert_eq!((m.kind, &*m.unit, m.value), (Kind::Money, "USD", Interval::exact(334e6)));
    let m = measure("a $2-3bn fund").unwrap();
    assert_eq!(m.value, Interval::between(2e9, 3e9));
    let m = measure("rose 15 per cent").unwrap();
    assert_eq!((m.kind, m.value), (Kind::Percent, Interval::exact(15.0)));
    // A unit's words set apart by more than one space are read as with one: the spelling
    // borrowed from the text gives way to a joined copy.
    let m = measure("rose 15 per  cent").unwrap();
    assert_eq!((m.kind, m.value, m.end), (Kind::Percent, Interval::exact(15.0), 4));
    let m = measure("a 6.1-magnitude quake").unwrap();
    assert_eq!((m.kind, &*m.unit), (Kind::Quantity, "magnitude"));
    let m = measure("a three-day visit").unwrap();
    assert_eq!((m.kind, m.value), (Kind::Duration, Interval::exact(259200.0)));
    let m = measure("10km deep").unwrap();
    assert_eq!((&*m.unit, m.value), ("m", Interval::exact(10000.0)));
}

#[test]
fn a_currency_symbol_is_no_tail_of_a_longer_word() {
    // "killed" ends in letters a symbol ends in ("d" of "USD"), and is longer than any symbol.
    assert_eq!(measure("the attack killed 12 people").unwrap().kind, Kind::Count);
    for text in ["paid USD 5 each", "paid usd115", "a C $ 1.34 coin"] {
        assert_eq!(measure(text).unwrap().kind, Kind::Money, "{text}");
    }
}

#[test]
fn identifiers_are_not_counts() {
    for text in
        ["an F-16 jet", "COVID-19 cases", "the G7 summit", "Route 66", "the 25th anniversary", "a 4G network", "No. 5"]
    {
        assert!(measure(text).is_none(), "{text}: {:?}", measure(text));
    }
}

#[test]
fn ranges_of_ranks() {
    let m = measure("He ranks between the tenth and the fifteenth.").unwrap();
    assert_eq!((m.value, &*m.unit), (Interval::between(10.0, 15.0), "rank"));
    let m = measure("higher than the tenth but lower than the fifteenth").unwrap();
    assert_eq!(m.value, Interval::between(11.0, 14.0));
    assert!(measure("between the tenth and the fifteenth of May").is_none());
}

#[test]
fn counts_of_none() {
    let m = measure("there were no dead or wounded").unwrap();
    assert_eq!((m.value, &*m.unit), (Interval::exact(0.0), "dead"));
    let m = measure("no one was killed in the attack").unwrap();
    assert_eq!((m.value, &*m.unit), (Interval::exact(0.0), "dead"));
    assert_eq!(measure("no injuries were reported").map(|m| m.unit.into_owned()), Some("injured".to_string()));
    assert!(measure("there is no evidence").is_none());
    assert!(measure("no one knows").is_none());
}

#[test]
fn vague_quantities() {
    let m = measure("dozens of people were injured").unwrap();
    assert_eq!((m.value, &*m.unit), (Interval::between(24.0, 99.0), "injured"));
    let m = measure("a high triple-digit quantity").unwrap();
    assert_eq!(m.value, Interval::between(700.0, 999.0));
}

#[test]
fn an_identifier_written_as_a_mark_names_the_number_after_it() {
    // The shipped identifiers are all words, so a mark before a number is not looked up among
    // them (`rules::tests::identifiers_open_with_a_letter`); a user's rules may add one that is
    // no word ("№"), which must still be read.
    let dir = std::env::temp_dir().join(format!("crosscheck-identifiers-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("extra.toml"), "[subject]\nidentifiers = [\"№\"]\n").unwrap();
    let rules = Rules::with_dir(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    let rules = rules.unwrap();
    assert!(rules.identifiers_hold_non_words);
    let text = "Officials said № 12 people died";
    let tokens = tokenize(text, 0, text.len());
    let at = tokens.iter().position(|t| t.norm == "12").unwrap();
    assert!(!matches!(match_measure(&tokens, text, &rules, at), Some(Found::Claim(_))), "№ 12 read as a count");
    let plain = "Officials said 12 people died";
    let tokens = tokenize(plain, 0, plain.len());
    let at = tokens.iter().position(|t| t.norm == "12").unwrap();
    assert!(matches!(match_measure(&tokens, plain, &rules, at), Some(Found::Claim(_))), "12 people is a count");
}
