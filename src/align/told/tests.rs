use super::*;
use crate::compare::{relate, Verdict};
use crate::rules::Rules;
use crate::source::Source;

fn claims_of(text: &str, source: usize, rules: &Rules) -> Vec<Claim> {
    let read = Source::new("a.txt", text.to_string(), &mut Vec::new());
    crate::extract::extract(&read, source, rules).claims
}

/// Sentences of figures of every kind, drawn from a few values so that many agree: counts,
/// ranges and bounds, hedges, sums, shares, measures in two units, dates, times and weekdays.
fn figures(seed: u64, sentences: usize) -> String {
    let mut state = seed;
    let mut next = |n: u64| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state % n
    };
    let mut text = String::new();
    for _ in 0..sentences {
        let (a, b) = (next(6) * 5 + 5, next(4) + 1);
        let sentence = match next(16) {
            0 => format!("{a} people died in the fire."),
            1 => format!("About {a} people died in the fire."),
            2 => format!("Between {a} and {} soldiers were killed.", a + 5),
            3 => format!("More than {a} soldiers were killed, fewer than {} wounded.", a + 5),
            // A value in millions is not the same f64 as its digits ("1.1 million" is
            // 1,100,000.0000000002), yet the two agree.
            4 => format!("The storm cost ${b}.1 million."),
            5 => format!("Turnout was {a}%."),
            6 => format!("The quake struck {a} km ({} miles) away.", a * 5 / 8),
            7 => format!("The quake struck {} miles away.", a * 5 / 8),
            8 => format!("The road runs {a} km."),
            9 => format!("It began on May {a}, 2024."),
            10 => format!("The blast came at {b}:{a:02} p.m."),
            11 => format!("The blast came at about {b}:{a:02} p.m."),
            12 => "It happened on Sunday, not on Monday.".to_string(),
            13 => format!("The talks lasted {b} days in {}.", 2000 + a),
            14 => format!("The storm cost ${b},100,000."),
            _ => format!("Some {a}.5 km of road were shut, {b} miles of it for good."),
        };
        text.push_str(&sentence);
        text.push(' ');
    }
    text
}

#[test]
fn every_claim_that_agrees_with_a_value_is_found_among_those_near_it() {
    let rules = Rules::embedded().unwrap();
    for seed in [0x2545_f491_4f6c_dd1d_u64, 0x9e37_79b9_7f4a_7c15, 0x0123_4567_89ab_cdef] {
        let mut claims = claims_of(&figures(seed, 120), 0, &rules);
        let own = claims.len();
        claims.extend(claims_of(&figures(seed.rotate_left(17), 60), 1, &rules));
        let kinds: std::collections::BTreeSet<Kind> = claims.iter().map(|c| c.kind).collect();
        assert!(kinds.len() >= 5, "the text should hold figures of most kinds: {kinds:?}");
        let members: Vec<usize> = (0..own).collect();
        let told = Told::of(&claims, &members);
        let mut agreeing = 0;
        // Of every kind against every kind: a block may hold figures of two kinds.
        for other in &claims {
            for &kind in &kinds {
                let near: Vec<usize> = told.may_agree(kind, other).collect();
                for &z in members.iter().filter(|&&z| claims[z].kind == kind) {
                    if relate(&claims[z], other, &rules) == Verdict::Agree {
                        agreeing += 1;
                        assert!(near.contains(&z), "{:?} agrees with {:?} but was not found", claims[z], other);
                    }
                }
            }
        }
        assert!(agreeing > claims.len(), "few claims agree: {agreeing}");
    }
}

#[test]
fn a_measure_is_found_beside_its_conversion() {
    let rules = Rules::embedded().unwrap();
    let claims = claims_of("The quake struck 10 km away. It was felt 6 miles off.", 0, &rules);
    let (km, miles) = (&claims[0], &claims[1]);
    assert_eq!(relate(km, miles, &rules), Verdict::Agree, "{claims:?}");
    let told = Told::of(&claims, &[0]);
    assert!(told.may_agree(Kind::Quantity, miles).any(|m| m == 0));
}

#[test]
fn a_value_asked_of_a_source_of_thousands_reads_only_the_few_near_it() {
    let rules = Rules::embedded().unwrap();
    let mut text = String::new();
    // Every time of a half day once, each with a toll of its own.
    for n in 0..720 {
        text.push_str(&format!("At {}:{:02} p.m. {} people died. ", n / 60 + 1, n % 60, n + 100));
    }
    let claims = claims_of(&text, 0, &rules);
    assert!(claims.len() >= 1_440, "{}", claims.len());
    let members: Vec<usize> = (0..claims.len()).collect();
    let told = Told::of(&claims, &members);
    let most = claims.iter().map(|c| told.may_agree(c.kind, c).count()).max().unwrap();
    assert!(most <= 4, "a claim was asked of {most} claims");
}
