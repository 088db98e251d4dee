use crate::compare::Verdict;
use crate::rules::Rules;
use crate::source::{Corpus, Source};

/// The report on sources of the given texts, for the tests of alignment and its parts.
pub(super) fn report<T: AsRef<str>>(texts: &[T]) -> crate::report::Report {
    let mut warnings = Vec::new();
    let sources = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Source::new(format!("a{i}.txt"), t.as_ref().to_string(), &mut warnings))
        .collect();
    crate::check(&Corpus { sources, warnings }, &Rules::embedded().unwrap())
}

/// Asserts that the texts' figure showing `figure` ends in a conflict of `mentions` mentions whose
/// one-line reason says `note`: the ground a rule of alignment grouped it on.
pub(super) fn assert_conflict_on<T: AsRef<str>>(texts: &[T], figure: &str, mentions: usize, note: &str) {
    let r = report(texts);
    let group = r.groups.iter().find(|g| g.why.contains(figure)).expect("the figure grouped");
    assert_eq!(group.verdict, crate::compare::Verdict::Conflict, "{}", group.why);
    assert_eq!(group.mentions.len(), mentions, "{:?}", group.mentions);
    assert!(group.why.contains(note), "{}", group.why);
}

/// Whether the two texts' figures showing `figure` end in one group of the two.
fn grouped(texts: [&str; 2], figure: &str) -> bool {
    report(&texts).groups.iter().any(|g| g.mentions.len() == 2 && g.why.contains(figure))
}

#[test]
fn an_age_after_a_name_meets_the_same_age_written_in_years() {
    assert!(grouped(
        [
            "Police Chief Scott Russell, 46, was badly injured in the bank blast in Woodburn.",
            "The bank blast in Woodburn injured the 46-year-old police chief, Scott Russell.",
        ],
        "46"
    ));
}

#[test]
fn a_bare_figure_meets_the_same_figure_hedged() {
    assert!(grouped(
        [
            "The quake on Qeshm island killed at least 10 people in the villages, the governor said.",
            "The governor of Qeshm island said the number had risen to 10 in the villages after the quake.",
        ],
        "10"
    ));
}

#[test]
fn a_bare_decimal_takes_the_measure_another_outlet_gives_it() {
    assert!(grouped(
        [
            "Two quakes measuring 7.6 and 7.4 struck the coast of Papua early on Sunday, officials said.",
            "A powerful 7.6-magnitude earthquake struck the coast of Papua early on Sunday.",
        ],
        "7.6"
    ));
}

#[test]
fn a_decimal_read_as_counting_a_word_takes_the_measure_too() {
    assert!(grouped(
        [
            "4.6 quake rattles Sonoma County early Thursday, the survey said.",
            "A 4.6-magnitude earthquake shook Sonoma County early Thursday.",
        ],
        "4.6"
    ));
}

#[test]
fn two_counted_things_unlike_and_unnamed_stay_apart_whatever_links_them() {
    let report = report(&[
        "Three rifles and loaded magazines were seized by the navy.",
        "The navy seized three outboard motors and rifles on the dhow.",
        "Three outboard motors were found on the dhow.",
    ]);
    let rifles_and_motors = report.groups.iter().any(|g| {
        g.mentions.iter().any(|m| m.text().contains("rifles")) && g.mentions.iter().any(|m| m.text().contains("motors"))
    });
    assert!(!rifles_and_motors, "{:#?}", report.groups);
}

#[test]
fn an_earlier_events_figure_joins_only_the_same_figure_of_the_same_things() {
    assert!(!grouped(
        [
            "The navy frigate fought off pirates in two boats on Saturday.",
            "Last month, the navy frigate had rescued two merchant vessels from pirates.",
        ],
        "2"
    ));
}

#[test]
fn an_addition_is_neither_the_whole_nor_in_dispute_with_another_addition() {
    assert!(!grouped(
        [
            "As many as 20,000 people marched through Athens against the cuts on Wednesday.",
            "Another 20,000 people marched through Athens against the cuts on Wednesday.",
        ],
        "20,000"
    ));
    let r = report(&[
        "The quake killed five in the district. Another two people were killed in the villages.",
        "The quake killed five in the district. Another four people died in the villages.",
    ]);
    assert!(r.groups.iter().all(|g| !g.why.contains("2 vs 4")), "{:?}", r.groups);
    assert!(grouped(
        [
            "Pyongyang is preparing to send an additional 25,000 soldiers to Russia, officials said.",
            "Pyongyang is preparing to send a further 25,000 soldiers to Russia, officials said.",
        ],
        "25,000"
    ));
}

#[test]
fn copies_past_what_a_merge_judges_pair_by_pair_still_give_one_group_per_fact() {
    // More copies than `clusters::JUDGED`, so the later merges judge their clusters' first
    // members only; and one outlet telling the toll twice, differently, which no group may hold.
    let copy = "The earthquake killed 12 people and injured 40 in the town of Sigli on Sunday.";
    let mut texts = vec![copy; 60];
    let twice = format!("{copy} {}", copy.replace("12", "15"));
    texts.push(&twice);
    let r = report(&texts);
    for figure in ["12", "40"] {
        let group = r.groups.iter().find(|g| g.mentions.iter().all(|m| *m.shown == *figure));
        assert!(group.is_some_and(|g| g.mentions.len() >= 60), "{figure}: {:?}", r.groups);
    }
    for g in &r.groups {
        let mut told: Vec<(&str, &str)> = g.mentions.iter().map(|m| (&*m.path, &*m.shown)).collect();
        told.sort_unstable();
        told.dedup();
        assert!(told.windows(2).all(|w| w[0].0 != w[1].0), "a source contradicts itself in {}", g.why);
    }
}

#[test]
fn an_undated_figure_of_a_source_naming_another_day_is_no_dispute_with_a_days_figure() {
    let r = report(&[
        "A 5.6 magnitude earthquake hit the island on Sunday, injuring five people and damaging buildings.",
        "The tremor struck the island in the Gulf, injuring five people and damaging buildings.",
        "Monday's earthquake was the second to hit the island. A 5.2 quake injured three people on the \
         island in the Gulf. Earlier on Sunday a quake jolted the island.",
    ]);
    let three = r.groups.iter().find(|g| g.mentions.iter().any(|m| m.text() == "three people"));
    assert!(three.is_none_or(|g| g.verdict != Verdict::Conflict), "{:?}", three.map(|g| &g.why));
}

#[test]
fn an_outlets_only_figure_telling_the_value_others_agree_on_joins_them_however_worded() {
    let r = report(&[
        "Three people were killed when rioters set fire to a bank in Athens, police said.",
        "Three bank workers died in the fire at the Marfin bank in Athens, police said.",
        "The fire at the bank in Athens killed three people, among them a pregnant woman.",
        "Greek anti-austerity march erupts in violence, 3 dead\nProtesters hurled petrol bombs at riot police.",
    ]);
    let three =
        r.groups.iter().find(|g| g.mentions.iter().any(|m| m.text() == "3 dead")).expect("the headline grouped");
    assert!(three.mentions.len() >= 3, "{}", three.why);
}

#[test]
fn an_undated_clock_hedged_and_the_same_clock_exact_are_compatible() {
    let r = report(&[
        "The ship sent a distress call at 11:00 a.m. as pirates closed in, the navy said.",
        "The navy said the crew radioed for help around 11 a.m. when the pirates attacked.",
    ]);
    let call = r.groups.iter().find(|g| g.mentions.len() == 2).expect("the two times grouped");
    assert_eq!(call.verdict, Verdict::Compatible, "{}", call.why);
}

#[test]
fn no_casualties_is_no_one_killed() {
    assert!(grouped(
        [
            "Aid workers at the camp said no one was killed in the bombing of the camp.",
            "There have been no casualties confirmed as a result of the bombing of the camp.",
        ],
        "0"
    ));
}

#[test]
fn an_addition_told_as_plainly_as_the_whole_joins_it_only_when_worded_alike() {
    assert!(grouped(
        [
            "Four people died in hospitals in the district of Bener Meriah after sustaining injuries, the agency said.",
            "An additional four people died in hospitals in the district of Bener Meriah after sustaining injuries.",
        ],
        "4"
    ));
    assert!(!grouped(
        ["The quake killed four people in the district.", "Another four people were found in the rubble on Sunday."],
        "4"
    ));
}

#[test]
fn a_part_told_beside_its_whole_disputes_no_figure_of_the_whole() {
    let r = report(&[
        "The bombing of the market injured 40 people, eight of them seriously, hospital officials said.",
        "Hospital officials said twelve people were seriously injured in the bombing of the market.",
    ]);
    assert!(r.groups.iter().all(|g| g.verdict != Verdict::Conflict), "{:?}", r.groups);
}

#[test]
fn the_lightly_and_the_gravely_hurt_are_no_dispute() {
    let r = report(&[
        "The agency said eight people were seriously injured by the quake in the city of Manokwari.",
        "The agency said 20 people were slightly injured by the quake in the city of Manokwari.",
    ]);
    assert!(r.groups.iter().all(|g| g.verdict != Verdict::Conflict), "{:?}", r.groups);
}

#[test]
fn a_degree_told_beside_its_outlets_whole_joins_no_plain_figure() {
    // The first outlet tells the injured plainly (300) and dozens of them seriously: its dozens
    // are a part, and only by chance as many as the second outlet's whole.
    assert!(!grouped(
        [
            "The quake injured 300 people in Papua. A girl was killed and dozens of others were seriously injured in the quake.",
            "Rescuers in Papua said dozens were injured when the quake struck on Sunday.",
        ],
        "24..99"
    ));
    // An outlet that tells the injured only by a degree gives its account of the whole so.
    assert!(grouped(
        [
            "The attack on the school left more than 50 people with serious injuries, the agency said.",
            "The agency said 55 people were wounded in the attack on the school.",
        ],
        "55"
    ));
}

#[test]
fn shots_fired_are_no_account_of_the_bullets_that_hit() {
    let texts = [
        "The two officers fired 11 shots at the teenager in Brooklyn, police said on Sunday.",
        "The teenager in Brooklyn was shot eleven times by the two officers, police said on Sunday.",
    ];
    assert!(!grouped(texts, "11"));
    // "Two officers fired" counts officers: the verb after them is no noun of theirs.
    assert!(grouped(texts, "all say 2"));
}

#[test]
fn a_citys_crowd_told_once_beside_another_citys_is_its_outlets_only_figure_of_it() {
    // The third outlet counts two crowds, one in Patras and one in Salonika (Thessaloniki): each is
    // its only figure of that place's crowd, so its 50,000 disputes the others' 20,000.
    let texts = [
        "Violence also broke out in the northern city of Thessaloniki, where another 20,000 people marched through the centre.",
        "Riots were also reported in the city of Thessaloniki, where another 20,000 people marched through the streets.",
        "In Patras, around 20,000 protesters blocked the roads. Clashes broke out in Salonika where approximately 50,000 people marched through the city.",
    ];
    let r = report(&texts);
    let group = r.groups.iter().find(|g| g.why.contains("47,500")).expect("Salonika's crowd grouped");
    assert_eq!(group.verdict, Verdict::Conflict, "{}", group.why);
    assert_eq!(group.mentions.len(), 3, "{:?}", group.mentions);
}

#[test]
fn the_rounds_in_a_gun_leave_an_outlets_only_count_of_the_bullets_that_hit() {
    // The fourth outlet counts the bullets that hit once (eleven) beside the rounds in Gray's gun
    // (four), which are no account of them, so its eleven disputes the others' seven.
    let texts = [
        "The autopsy showed Gray had been shot seven times. A revolver loaded with four bullets was found.",
        "Seven bullets hit Gray, the autopsy showed. Police said his gun was loaded with four bullets.",
        "The teenager was hit by seven bullets, the medical examiner's report said on Wednesday.",
        "Gray was shot eleven times after police said he pulled a gun. It was loaded with four bullets.",
    ];
    assert_conflict_on(&texts, "11", 4, "only figure of shot");
}

#[test]
fn an_untied_figure_of_an_outlet_telling_of_one_place_is_of_that_place() {
    // The second outlet ties no figure to a place, but tells of Athens (its strike's 24 hours) and
    // of no other city: its march of 30,000 is the Athens march the first ties to the city, so the
    // two dispute.
    let athens = [
        "Police said as many as 20,000 people took to the streets of Athens as rallies kicked off.",
        "The 24-hour general strike brought Athens to a halt. Unions called it the biggest in years. Police put the \
         march, to mark the strike, at roughly 30,000 people.",
    ];
    assert_conflict_on(&athens, "20,000", 2, "only figure of protester");
    // An outlet that ties a figure to another city too leaves its untied figure open.
    let two_cities = [
        athens[0],
        "The 24-hour general strike brought Athens to a halt. Unions called it the biggest in years. Police put the \
         march, to mark the strike, at roughly 30,000 people. In Salonika, 5,000 people marched.",
    ];
    let r = report(&two_cities);
    assert!(r.groups.iter().all(|g| g.verdict != Verdict::Conflict), "{:?}", r.groups);
}

#[test]
fn an_outlets_only_count_of_the_gravely_hurt_disputes_anothers_beside_its_plain_count() {
    // The second outlet tells the injured plainly (dozens) and the seriously injured once (eight):
    // its plain dozens are no account of the seriously injured, and "dozens" may be two dozen, so
    // its eight disputes the first outlet's dozens seriously injured.
    let texts = [
        "A young girl was killed and dozens of others were seriously injured in the quakes.",
        "Officials said the quake hurt dozens. The agency head said eight people had suffered from serious injury.",
    ];
    assert_conflict_on(&texts, "vs 8", 2, "only figure of injured");
}

#[test]
fn a_part_including_some_of_a_figure_leaves_it_its_outlets_only_one() {
    // The 54 stronger aftershocks are some of the 842, no other count of the aftershocks, so the
    // first outlet tells them as hundreds and 842 alike, and its hundreds dispute the other's dozens.
    let texts = [
        "As aid arrived, hundreds of aftershocks continued to rattle the coastal city. The agency said Papua had \
         been hit by 842 aftershocks over 29 hours, including 54 aftershocks stronger than five on the Richter scale.",
        "Dozens of aftershocks followed in the city.",
    ];
    assert_conflict_on(&texts, "200..999 vs 24..99", 2, "only figure of aftershock");
}

#[test]
fn a_lone_figure_of_one_weekday_joins_no_group_of_another() {
    // Three outlets tell of Wednesday's fire; the fourth's only toll is of Monday's march. The
    // same toll on another day is another event's, however alike the words around it.
    let texts = [
        "Greek march erupts in violence on Monday, 3 dead\n\nProtesters marched through Athens on Monday against the cuts.",
        "Three people were killed on Wednesday when rioters set fire to a bank in Athens during the strike.",
        "Rioters set a bank in Athens ablaze on Wednesday, and three people died in the fire, the fire brigade said.",
        "Three people were killed on Wednesday in the bank fire in Athens, officials said.",
    ];
    let r = report(&texts);
    let toll = r.groups.iter().find(|g| g.why.contains("all say 3")).expect("the Wednesday toll grouped");
    assert_eq!(toll.mentions.len(), 3, "{:?}", toll.mentions);
    assert!(toll.mentions.iter().all(|m| !m.text().contains("3 dead")), "{:?}", toll.mentions);
}
