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
    assert_eq!(first_date("by late July", r, false), Some((date(2025, 7, 21), date(2025, 7, 31))));
    assert_eq!(first_date("the spring", r, false), Some((date(2025, 3, 1), date(2025, 5, 31))));
    assert_eq!(first_date("last winter", r, false), Some((date(2024, 12, 1), date(2025, 2, 28))));
    assert_eq!(first_date("on Saturday", r, false), Some((date(2025, 7, 12), date(2025, 7, 12))));
    assert_eq!(first_date("on Monday", r, true), Some((date(2025, 7, 14), date(2025, 7, 14))));
    assert_eq!(first_date("last year", r, false), Some((date(2024, 1, 1), date(2024, 12, 31))));
    assert_eq!(first_date("three days ago", r, false), Some((date(2025, 7, 10), date(2025, 7, 10))));
    assert_eq!(first_date("early 2024", r, false), Some((date(2024, 1, 1), date(2024, 4, 30))));
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
