//! Unit tests of the date matcher and its resolution against the policy for news.

use super::*;
use crate::extract::lexer::tokenize;
use jiff::civil::{date, Date};

fn first_date(text: &str, reference: Date, future: bool) -> Option<(Date, Date)> {
    let rules = Rules::embedded().unwrap();
    let tokens = tokenize(text, 0, text.len());
    (0..tokens.len())
        .find_map(|i| match_date(&tokens, text, &rules, i))
        .and_then(|m| resolve(&m.expr, Some(reference), future))
        .map(|(a, b, _)| (a, b))
}

#[test]
fn absolute_dates_in_every_spelling() {
    let r = date(2025, 7, 13);
    let d = date(2025, 7, 12);
    for text in [
        "on July 12, 2025.",
        "on 12 July 2025",
        "on 2025-07-12",
        "on 7/12/2025",
        "on July 12th, 2025",
        "on Saturday, July 12, 2025",
    ] {
        assert_eq!(first_date(text, r, false), Some((d, d)), "{text}");
    }
}

#[test]
fn partial_dates_follow_the_policy() {
    let r = date(2025, 7, 13);
    assert_eq!(first_date("on July 2", r, false), Some((date(2025, 7, 2), date(2025, 7, 2))));
    assert_eq!(first_date("on December 2", r, false), Some((date(2024, 12, 2), date(2024, 12, 2))));
    assert_eq!(first_date("on December 2", r, true), Some((date(2025, 12, 2), date(2025, 12, 2))));
    assert_eq!(first_date("since October", r, false), Some((date(2024, 10, 1), date(2024, 10, 31))));
    assert_eq!(first_date("by late July", r, false), Some((date(2025, 7, 16), date(2025, 7, 31))));
    assert_eq!(first_date("at the end of July", r, false), Some((date(2025, 7, 21), date(2025, 7, 31))));
    assert_eq!(first_date("early 2024", r, false), Some((date(2024, 1, 1), date(2024, 6, 30))));
    assert_eq!(first_date("the end of 2000", r, false), Some((date(2000, 9, 1), date(2000, 12, 31))));
    assert_eq!(first_date("the spring", r, false), Some((date(2025, 3, 1), date(2025, 5, 31))));
    assert_eq!(first_date("last winter", r, false), Some((date(2024, 12, 1), date(2025, 2, 28))));
    assert_eq!(first_date("on Saturday", r, false), Some((date(2025, 7, 12), date(2025, 7, 12))));
    assert_eq!(first_date("on Monday", r, true), Some((date(2025, 7, 14), date(2025, 7, 14))));
    assert_eq!(first_date("last year", r, false), Some((date(2024, 1, 1), date(2024, 12, 31))));
    assert_eq!(first_date("three days ago", r, false), Some((date(2025, 7, 10), date(2025, 7, 10))));
}

#[test]
fn years_need_a_context_that_reads_as_a_year() {
    let r = date(2025, 7, 13);
    assert!(first_date("the 2004 tsunami", r, false).is_some());
    assert!(first_date("2000 people", r, false).is_none());
    assert_eq!(first_date("from 2008-2011", r, false), Some((date(2008, 1, 1), date(2011, 12, 31))));
    assert!(first_date("It may rain", r, false).is_none());
}

#[test]
fn a_full_stop_after_a_full_month_name_ends_the_sentence() {
    let rules = Rules::embedded().unwrap();
    for (text, end) in [("by the end of July. Next", "July"), ("on Aug. 5, 2024", "2024")] {
        let tokens = tokenize(text, 0, text.len());
        let m = (0..tokens.len()).find_map(|i| match_date(&tokens, text, &rules, i)).unwrap();
        assert_eq!(&text[tokens[m.end - 1].start..tokens[m.end - 1].end], end, "{text}");
    }
}

#[test]
fn day_numbers_round_trip() {
    let d = date(2025, 7, 12);
    assert_eq!(from_day_number(day_number(d)), Some(d));
    assert_eq!(day_number(date(1970, 1, 2)), 1.0);
}

#[test]
fn years_in_words_and_spaced_numeric_months() {
    let r = date(2016, 11, 7);
    let year = |y: i16| Some((date(y, 1, 1), date(y, 12, 31)));
    assert_eq!(
        first_date("on September 10, nineteen zero one", r, false),
        Some((date(1901, 9, 10), date(1901, 9, 10)))
    );
    assert_eq!(first_date("in June of nineteen ninety nine", r, false), Some((date(1999, 6, 1), date(1999, 6, 30))));
    assert_eq!(first_date("in one thousand seven hundred and eighty nine", r, false), year(1789));
    assert_eq!(first_date("Year two hundred and sixty seven", r, false), year(267));
    assert_eq!(first_date("in the twenty-tens", r, false), Some((date(2010, 1, 1), date(2019, 12, 31))));
    assert_eq!(first_date("out 2016 / 11", r, false), Some((date(2016, 11, 1), date(2016, 11, 30))));
    assert_eq!(first_date("out 11 - 2016", r, false), Some((date(2016, 11, 1), date(2016, 11, 30))));
    // Counts in words stay counts; "the tens of thousands" is no decade.
    assert!(first_date("it rose to one thousand five hundred", r, false).is_none());
    assert!(first_date("in the tens of thousands", r, false).is_none());
    assert!(first_date("in two thousand cases", r, false).is_none());
}

#[test]
fn ranges_lengths_and_counted_weekdays() {
    let r = date(2017, 11, 14);
    // A weekday range ends on the first such day from its start, not a year later.
    assert_eq!(first_date("from Tue to Thur", r, false), Some((date(2017, 11, 14), date(2017, 11, 16))));
    assert_eq!(
        first_date("next week between Wednesday and Friday", r, false),
        Some((date(2017, 11, 22), date(2017, 11, 24)))
    );
    assert_eq!(first_date("last week Sunday", r, false), Some((date(2017, 11, 12), date(2017, 11, 12))));
    assert_eq!(first_date("for 3 days from today", r, false), Some((date(2017, 11, 14), date(2017, 11, 16))));
    assert_eq!(first_date("a week starting tomorrow", r, false), Some((date(2017, 11, 15), date(2017, 11, 21))));
    // A length runs from a day only: "for 10 years from 2010" keeps its length, and 2010 is a year.
    assert_eq!(first_date("for 10 years from 2010", r, false), Some((date(2010, 1, 1), date(2010, 12, 31))));
    assert_eq!(first_date("less than 2 weeks from today", r, false), Some((date(2017, 11, 14), date(2017, 11, 28))));
    assert_eq!(first_date("two Sundays from now", r, false), Some((date(2017, 11, 26), date(2017, 11, 26))));
    assert_eq!(first_date("from Feb 1st to March 2019", r, false), Some((date(2019, 2, 1), date(2019, 3, 31))));
    assert_eq!(first_date("Feb 29", date(2017, 3, 22), false), Some((date(2016, 2, 29), date(2016, 2, 29))));
}

#[test]
fn lower_case_months_that_are_verbs_need_more() {
    let r = date(2016, 11, 7);
    assert_eq!(first_date("out next june", r, false), Some((date(2017, 6, 1), date(2017, 6, 30))));
    assert_eq!(first_date("back jan first", r, false), Some((date(2016, 1, 1), date(2016, 1, 1))));
    assert_eq!(first_date("back 22april", r, false), Some((date(2016, 4, 22), date(2016, 4, 22))));
    assert_eq!(first_date("signed 16. Nov. 2016", r, false), Some((date(2016, 11, 16), date(2016, 11, 16))));
    assert!(first_date("it may first rain", r, false).is_none());
    assert!(first_date("this may next year help", r, false).is_some_and(|(a, _)| a.month() == 1));
    assert!(first_date("he turned 16. May was dry", r, false).is_none());
}

#[test]
fn quarters_and_weekdays_with_their_day() {
    let r = date(2016, 11, 17);
    assert_eq!(first_date("profits fell last quarter", r, false), Some((date(2016, 7, 1), date(2016, 9, 30))));
    assert_eq!(first_date("sales this quarter", r, false), Some((date(2016, 10, 1), date(2016, 12, 31))));
    assert!(first_date("they scored in the last quarter", r, false).is_none());
    assert_eq!(first_date("it struck on Friday the 13th", r, false), Some((date(2016, 5, 13), date(2016, 5, 13))));
    assert_eq!(first_date("it will open on Friday the 13th", r, true), Some((date(2017, 1, 13), date(2017, 1, 13))));
}

#[test]
fn contracted_will_reads_a_weekday_forward_and_says_so() {
    let rules = Rules::embedded().unwrap();
    let mut warnings = Vec::new();
    let text = "I'll go back on Friday. We’ll meet on Friday. He left on Friday. I'd go on Friday. \
                They will meet on July 2, 2025.";
    let mut source = crate::source::Source::new("a", text.into(), &mut warnings);
    source.date = Some(date(2025, 7, 16));
    let claims = crate::extract::extract(&source, 0, &rules).claims;
    let got: Vec<(Option<Date>, &str)> =
        claims.iter().map(|c| (c.value.low().and_then(from_day_number), c.rule.name())).collect();
    let (next, last) = (Some(date(2025, 7, 18)), Some(date(2025, 7, 11)));
    let future = crate::extract::FUTURE_RULE.name();
    // The tense changed nothing in the last sentence, so its claim keeps the plain rule.
    assert_eq!(got, [(next, future), (next, future), (last, "date"), (last, "date"), (Some(date(2025, 7, 2)), "date")]);
}

#[test]
fn numeric_day_and_month_standing_alone_or_after_on_and_in() {
    let r = date(2016, 11, 7);
    let d = |m, d| Some((date(2016, m, d), date(2016, m, d)));
    assert_eq!(first_date("I'll go back on 4.22", r, false), d(4, 22));
    assert_eq!(first_date("back in 4.22.", r, false), d(4, 22));
    assert_eq!(first_date("back in 4-22", r, false), d(4, 22));
    assert_eq!(first_date("back 4/22", r, false), d(4, 22));
    assert_eq!(first_date("back 22/04", r, false), d(4, 22));
    assert_eq!(first_date("2/29", r, false), d(2, 29));
    for text in [
        "open 24/7",
        "add 1/2 cup",
        "scored 1 4/5",
        "rated it 7/10.",
        "rose in 4.22 seconds",
        "on 4.22 million shares",
        "in 4-22 games",
    ] {
        assert_eq!(first_date(text, r, false), None, "{text}");
    }
}

#[test]
fn vague_counts_ago_and_nth_weekdays_of_the_month() {
    let r = date(2016, 11, 7);
    assert_eq!(first_date("a few days ago", r, false), Some((date(2016, 11, 2), date(2016, 11, 5))));
    assert_eq!(first_date("few months ago", r, false), Some((date(2016, 6, 7), date(2016, 9, 7))));
    assert_eq!(first_date("back second Sunday", r, false), Some((date(2016, 11, 13), date(2016, 11, 13))));
    let second = Some((date(2016, 11, 13), date(2016, 11, 13)));
    assert_ne!(first_date("for a second Sunday", r, false), second);
    assert_ne!(first_date("the second Sunday after the vote", r, false), second);
}

#[test]
fn more_than_a_count_ago_is_a_bound() {
    let rules = Rules::embedded().unwrap();
    let text = "He vanished more than two weeks ago.";
    let tokens = tokenize(text, 0, text.len());
    let m = (0..tokens.len()).find_map(|i| match_date(&tokens, text, &rules, i)).unwrap();
    assert_eq!(
        (m.hedge, &text[tokens[m.start].start..tokens[m.end - 1].end]),
        (Hedge::Until, "more than two weeks ago")
    );
    assert_eq!(resolve(&m.expr, Some(date(2018, 5, 29)), false).map(|(a, _, _)| a), Some(date(2018, 5, 15)));
    let text = "It starts more than 3 days after today";
    let tokens = tokenize(text, 0, text.len());
    let m = (0..tokens.len()).find_map(|i| match_date(&tokens, text, &rules, i)).unwrap();
    assert_eq!(m.hedge, Hedge::Since);
}

#[test]
fn a_range_of_capitalised_week_numbers_is_iso_weeks_of_the_year() {
    let r = date(2018, 11, 7);
    assert_eq!(first_date("between Week 31 and Week 35", r, false), Some((date(2018, 7, 30), date(2018, 9, 2))));
    assert_eq!(first_date("from week 10 to week 12", r, false), None);
}

#[test]
fn two_digits_no_day_can_be_after_a_month_are_a_year() {
    let r = date(2018, 11, 7);
    assert_eq!(first_date("records for August 99", r, false), Some((date(1999, 8, 1), date(1999, 8, 31))));
    assert_ne!(first_date("in August 45 people died", r, false), Some((date(1945, 8, 1), date(1945, 8, 31))));
}

#[test]
fn a_season_of_a_year_in_words() {
    let r = date(2016, 11, 7);
    assert_eq!(
        first_date("In the spring of nineteen seventy eight", r, false),
        Some((date(1978, 3, 1), date(1978, 5, 31)))
    );
}

#[test]
fn working_days_skip_the_weekend() {
    let r = date(2018, 8, 21);
    let d = |m, d| Some((date(2018, m, d), date(2018, m, d)));
    assert_eq!(first_date("it will reply in four business days", r, true), d(8, 27));
    assert_eq!(first_date("two working days ago", r, false), d(8, 17));
    assert_eq!(first_date("it will reply in four days", r, true), d(8, 25));
}

#[test]
fn an_introducer_opens_a_date_only_before_a_word_that_can() {
    let rules = Rules::embedded().unwrap();
    let opens = |text: &str| {
        let tokens = tokenize(text, 0, text.len());
        let facts: Vec<_> = tokens.iter().map(|t| rules.word(&t.norm)).collect();
        let length = crate::extract::duration::read(&tokens, text, &rules, 0);
        let may = may_start(&tokens, &facts, 0) && may_start_counted(&tokens, &facts, 0, length.as_ref());
        // The promise `extract` relies on: where it says no, no date reader finds one.
        assert!(may || match_date(&tokens, text, &rules, 0).is_none(), "{text}");
        may
    };
    for text in [
        "the company said",
        "in Paris",
        "since he left",
        "from Paris to Rome",
        "a company",
        "an issue",
        "- 2016",
        "'s 40",
        "another issue",
        "all the people",
        "some of them",
        "several houses",
        "entire cities",
        "in the city",
        "by the time",
        "from the city",
        "at the scene",
        "this is",
        "this time",
        "later that day",
        "earlier , he",
        "end to end",
        "rest assured",
        "w . bush",
    ] {
        assert!(!opens(text), "{text}");
    }
    for text in [
        "the day before yesterday",
        "the following day",
        "from now to Friday",
        "the 1990s",
        "in April",
        "since the start of July",
        "for 3 days from today",
        "the week of Feb. 4",
        "about a week ago",
        "a week ago",
        "a few days ago",
        "a day before",
        "an hour ago",
        "another week later",
        "several days ago",
        "some weeks ago",
        "'40s",
        "at the end of 2016",
        "by the end of the year",
        "on the 15th",
        "on the second",
        "from the 1st to the 5th",
        "in the past 3 weeks",
        "over the weekend",
        "this week",
        "this morning",
        "this quarter",
        "this Friday",
        "this summer",
        "later in the year",
        "earlier this month",
        "end of May",
        "rest of the week",
        "w/c Feb 4",
    ] {
        assert!(opens(text), "{text}");
    }
}

#[test]
fn a_bare_number_before_a_plain_word_opens_no_period_or_date_proper() {
    let rules = Rules::embedded().unwrap();
    let bare = |text: &str| {
        let tokens = tokenize(text, 0, text.len());
        let (_, facts) = crate::extract::starters::of_tokens(&tokens, &rules);
        let given = bare_number(&tokens, &rules, Facts::of_text(&facts), 1, None);
        // Digits need no facts but before a dash; a word is a bare number only by them.
        let alone = bare_number(&tokens, &rules, Facts::default(), 1, None);
        let dash = tokens.get(2).is_some_and(|t| t.is_dash());
        assert_eq!(alone, given && tokens[1].kind == TokenKind::Digits && !dash, "{text}");
        given
    };
    assert!(bare("killed 12 people"));
    assert!(bare("won 40 seats"));
    // A month, "of", a range's word, a glued ending, a year or a point after the digits: read on.
    for text in ["on 12 July", "the 22 of Jan", "from 4 to 22 May", "the 12th day", "in 2016 people", "on 4.15 they"] {
        assert!(!bare(text), "{text}");
    }
    // A decimal, another glued word or another glued mark: none reads on.
    for text in [
        "killed 12 of them",
        "is one of them",
        "won two of the",
        "rose 1.5 million",
        "a 3D film",
        "took 5mg daily",
        "killed 12, and",
        "(40) seats",
    ] {
        assert!(bare(text), "{text}");
    }
    for text in ["on 22may", "the 70s", "on 7/12", "the 16. Nov", "the 70's"] {
        assert!(!bare(text), "{text}");
    }
    // Past a dash, only a word that may open a date reads on: a month, a weekday, "now", "year"
    // before a number.
    assert!(bare("a 12-year sentence"));
    assert!(bare("a 3-point lead"));
    for text in ["on 12-Jan 2016", "from 4-Monday", "from 4-now", "in 12-year 247", "on 4-6 May"] {
        assert!(!bare(text), "{text}");
    }
    // A length of time read at the number opens a period only before "ago" or a start.
    let bare_after_length = |text: &str| {
        let tokens = tokenize(text, 0, text.len());
        let length = crate::extract::duration::read(&tokens, text, &rules, 1).expect(text);
        bare_number(&tokens, &rules, Facts::default(), 1, Some(&length))
    };
    assert!(bare_after_length("for 10 years in prison"));
    for text in ["about 3 days ago", "for 3 days from today", "lasts 2 weeks starting Monday"] {
        assert!(!bare_after_length(text), "{text}");
    }
    assert!(bare("killed twelve people"));
    assert!(bare("won forty seats"));
    // A number word goes on as digits do, and into a year or day in words ("twenty eighteen").
    for text in ["on twelve July", "the twenty of Jan", "in twenty eighteen", "the twenty first", "two thousand people"]
    {
        assert!(!bare(text), "{text}");
    }
}

#[test]
fn only_the_words_a_period_reader_names_may_open_one() {
    let rules = Rules::embedded().unwrap();
    let may_open = |text: &str| {
        let tokens = tokenize(text, 0, text.len());
        let (_, facts) = crate::extract::starters::of_tokens(&tokens, &rules);
        period::may_open(&tokens, &rules, Facts::of_text(&facts), 1, None)
    };
    for text in ["on Monday night", "in March 2016", "until today ,", "by Christmas Eve"] {
        assert!(!may_open(text), "{text}");
    }
    for text in [
        "in the 1970s",
        "the first week of",
        "during 1990s",
        "in seventies music",
        "the twentieth century",
        "from 4 to",
        "since '40s",
        "in Q3 2016",
        "over next week",
    ] {
        assert!(may_open(text), "{text}");
    }
    // A decade's name opens one only where `decade` reads it.
    assert!(!may_open("a seventies song"));
}
