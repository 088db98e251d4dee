use super::*;

#[test]
fn equal_words_are_one_term_and_read_back() {
    let (a, b) = (Term::new("earthquake"), Term::new(&String::from("earthquake")));
    assert_eq!(a, b);
    assert_eq!(a.as_str(), "earthquake");
    assert_ne!(Term::new("tremor"), a);
    assert_eq!(Term::find("earthquake"), Some(a));
    assert!(Term::new("aftershock") < Term::new("tremor"));
    assert_eq!((Term::none(), Term::day()), (Term::new(""), Term::new("day")));
    assert!(Term::new("").is_empty() && !a.is_empty() && !Term::new(" ").is_empty());
}

#[test]
fn known_words_are_the_tables_terms() {
    let words = ["killed", "soldier", "internationally", "a word longer than fifteen bytes", "été", "x"];
    let mut known = Known::take();
    for round in 0..2 {
        // Met twice before they are learned, then known.
        let mut terms = vec![None; 2 * words.len()];
        for (k, w) in words.iter().chain(&words).enumerate() {
            let (term, key) = known.term_and_key(w, k);
            assert_eq!(key, short_key(w), "{w:?}");
            assert_eq!(term.is_some(), round > 0, "{w:?} in round {round}");
            terms[k] = term;
        }
        known.learn(|k, term| terms[k] = Some(term));
        let table: Vec<Option<Term>> = words.iter().chain(&words).map(|w| Some(Term::new(w))).collect();
        assert_eq!(terms, table);
    }
    drop(known);
    // Taken again on the thread, the words are known already; on another, learned again.
    let known = Known::take();
    assert!(words.iter().all(|w| known.ids.get(w).0 == Some(Term::new(w))));
    std::thread::spawn(move || {
        let mut fresh = Known::take();
        assert_eq!(fresh.term_and_key(words[0], 0).0, None);
        let mut learned = None;
        fresh.learn(|_, term| learned = Some(term));
        assert_eq!(learned, Some(Term::new(words[0])));
    })
    .join()
    .expect("the other thread's terms are the table's");
}

#[test]
fn short_keys_tell_words_apart() {
    let words = ["", "\0", "a", "a\0", "\0a", "ab", "abcdefg", "abcdefh", "été", "abcdefgh"];
    let keys: Vec<Option<u64>> = words.iter().map(|w| short_key(w)).collect();
    for (k, key) in keys.iter().enumerate() {
        assert_eq!(key.is_some(), words[k].len() <= SHORT, "{:?}", words[k]);
        assert!(key.is_none() || !keys[..k].contains(key), "{:?}", words[k]);
    }
    let terms: Vec<Term> = words.iter().map(|w| Term::new(w)).collect();
    assert!(terms.iter().zip(words).all(|(t, w)| t.as_str() == w && Term::find(w) == Some(*t)));
}

#[test]
fn keys_read_inside_a_buffer_are_the_words_keys() {
    let text = "a of seventy éte abcdefgh tail....";
    let mut at = 0;
    for word in text.split(' ') {
        let key = short_key_in(text.as_bytes(), at, word.len());
        let room = text.len() - at >= 8;
        assert_eq!(key, short_key(word).filter(|_| room), "{word:?}");
        at += word.len() + 1;
    }
    assert_eq!(short_key_in(b"abcdefghijk", 3, 0), short_key(""));
}

#[test]
fn ids_past_the_first_segments_read_back() {
    for id in [0, 1023, 1024, 3071, 3072, 1 << 20] {
        let (segment, at) = slot(id);
        assert!(at < FIRST << segment, "{id}: {segment} {at}");
        let start = FIRST * ((1 << segment) - 1);
        assert_eq!(start + at, id as usize);
    }
    let words: Vec<Term> = (0..3000).map(|n| Term::new(&format!("word{n}"))).collect();
    assert!(words.iter().enumerate().all(|(n, t)| t.as_str() == format!("word{n}")));
}

#[test]
fn the_short_words_table_grows_and_finds_every_word() {
    let mut table = ShortIds::with_capacity(2);
    let keys: Vec<u64> = (0..5000u64).map(|n| short_key(&format!("w{n}")).expect("a short word")).collect();
    for (n, &key) in keys.iter().enumerate() {
        assert_eq!(table.get(key), None);
        table.insert(key, Term(NonZeroU32::new(n as u32 + 1).expect("from one")));
    }
    assert!(2 * table.len <= table.slots.len());
    for (n, &key) in keys.iter().enumerate() {
        assert_eq!(table.get(key).map(Term::id), Some(n as u32 + 1));
    }
    assert_eq!(table.get(short_key("absent").expect("a short word")), None);
}

#[test]
fn medium_keys_tell_words_apart_and_find_their_terms() {
    // Words of eight to fifteen bytes that share their first or last eight bytes, a repeated
    // letter at every length, and words just outside the medium lengths.
    let mut words: Vec<String> = (1..=16).map(|n| "a".repeat(n)).collect();
    words.extend(
        ["abcdefgh", "abcdefghi", "xbcdefghi", "abcdefgha", "abcdefghijklmno", "bbcdefghijklmno"].map(String::from),
    );
    words.extend(["internationally", "réélection", "abcdefghijklmnop"].map(String::from));
    let keys: Vec<Option<[u64; 2]>> = words.iter().map(|w| medium_key(w)).collect();
    for (k, key) in keys.iter().enumerate() {
        assert_eq!(key.is_some(), (SHORT + 1..=MEDIUM).contains(&words[k].len()), "{:?}", words[k]);
        assert!(key.is_none() || !keys[..k].contains(key), "{:?}", words[k]);
    }
    let terms: Vec<Term> = words.iter().map(|w| Term::new(w)).collect();
    assert!(terms.iter().zip(&words).all(|(t, w)| t.as_str() == w && Term::find(w) == Some(*t)));
    let mut table = IdTable::with_capacity(2);
    for (n, key) in keys.iter().flatten().enumerate() {
        table.insert(*key, Term(NonZeroU32::new(n as u32 + 1).expect("from one")));
    }
    assert!(keys.iter().flatten().enumerate().all(|(n, &key)| table.get(key).map(Term::id) == Some(n as u32 + 1)));
}

#[test]
fn a_short_key_is_the_words_bytes_under_its_length() {
    // Every word of up to five characters over a few one- and two-byte ones.
    let mut words = vec![String::new()];
    for _ in 0..5 {
        let longer: Vec<String> = words.iter().flat_map(|w| ['\0', 'a', 'z', 'é'].map(|c| format!("{w}{c}"))).collect();
        words.extend(longer);
    }
    words.sort();
    words.dedup();
    for w in &words {
        let one_at_a_time = w.bytes().rev().fold(0u64, |key, b| key << 8 | u64::from(b));
        let expected = (w.len() <= SHORT).then_some(one_at_a_time | (w.len() as u64) << 56);
        assert_eq!(short_key(w), expected, "{w:?}");
    }
}
