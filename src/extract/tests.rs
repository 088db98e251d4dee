//! Tests of the extraction stage as a whole: claims read from short texts, their marks and dates.

use super::*;

fn claims_of(text: &str) -> Vec<Claim> {
    let rules = Rules::embedded().unwrap();
    let source = Source::new("a", text.to_string(), &mut Vec::new());
    extract(&source, 0, &rules).claims
}

/// Whether each count of `text` is marked as an earlier event's.
fn past_counts(text: &str) -> Vec<bool> {
    claims_of(text).iter().filter(|c| c.kind == Kind::Count).map(|c| c.subject.past).collect()
}

#[test]
fn a_sentence_going_on_about_an_earlier_event_is_of_it_too() {
    let text = "---\ndate: 2013-03-14\n---\nThe quake struck 4 miles west of Cobb today. In June 2012, a quake \
                struck 1 mile north of The Geysers. The quake was 6 miles west of Cobb. It was also 26 miles \
                from Santa Rosa. Residents reported 12 aftershocks.";
    let past: Vec<bool> = claims_of(text).iter().filter(|c| c.kind != Kind::Date).map(|c| c.subject.past).collect();
    assert_eq!(past, [false, true, true, true, false]);
}

#[test]
fn a_date_after_a_line_break_is_read_with_its_leading_word() {
    // A line break ends a sentence for the lexer, but the date matcher reads across it.
    let text = "It was not until\nMay 30, 2005 that he spoke.";
    let claims = claims_of(text);
    let dates: Vec<&str> = claims.iter().filter(|c| c.kind == Kind::Date).map(|c| &text[c.span.range()]).collect();
    assert_eq!(dates, ["until\nMay 30, 2005"]);
}

#[test]
fn a_bare_month_dates_an_earlier_event() {
    let text =
        "A quake hit on Sunday, injuring five people. A quake struck in September, killing at least seven people.";
    assert_eq!(past_counts(text), [false, true]);
}

#[test]
fn last_month_dates_an_earlier_event() {
    let text = "The navy captured 23 pirates on Saturday. Last month, a frigate had rescued two merchant vessels.";
    assert_eq!(past_counts(text), [false, true]);
}

#[test]
fn an_opening_hours_before_tells_an_earlier_incident_and_they_go_on_with_it() {
    let text = "At least 40 people died at the school on Tuesday. Hours before, three men died when a bomb hit \
                another school. They were among 400 people sheltering there. Hundreds of people were sheltering \
                in the school.";
    assert_eq!(past_counts(text), [false, true, true, false]);
    // Inside a sentence, a span before dates a thing of the story itself.
    assert_eq!(past_counts("Three men who had arrived hours earlier died at the school."), [false]);
}

#[test]
fn a_sentence_between_two_of_earlier_events_is_one_too() {
    let text = "The quake killed 24 people on Tuesday. Last year an 8.6 quake struck off Banda Aceh. \
                Five people died in the quake. Last year another quake killed more than 1,000 people.";
    assert_eq!(past_counts(text), [false, true, true, true]);
}

#[test]
fn a_time_without_a_calendar_day_is_dated_by_the_weekday_beside_it() {
    let claims = claims_of("Three shells hit the school at about 3pm on Tuesday, the UN said.");
    let days: Vec<Option<u8>> =
        claims.iter().filter(|c| c.unit.starts_with("clock:")).map(|c| c.subject.weekday).collect();
    assert_eq!(days, [Some(1)]);
}

#[test]
fn an_age_is_no_figure_of_a_day() {
    let text = "The autopsy released Wednesday showed the 16-year-old was hit by 7 bullets on Wednesday.";
    let claims = claims_of(text);
    let days: Vec<Option<u8>> = claims.iter().filter(|c| c.kind != Kind::Date).map(|c| c.subject.weekday).collect();
    assert_eq!(days, [None, Some(2)]);
}

/// The clocks of the times of day in `text`, a source without a date.
fn clocks(text: &str) -> Vec<String> {
    claims_of(text).into_iter().filter(|c| c.unit.starts_with("clock:")).map(|c| c.unit.to_string()).collect()
}

#[test]
fn a_time_in_brackets_after_another_is_that_time_in_a_second_zone() {
    let kept = ["clock:15:00".to_string()];
    assert_eq!(clocks("Three shells hit the school at about 3pm on Tuesday (12am yesterday), the UN said."), kept);
    assert_eq!(clocks("Three shells hit the school at about 3pm (12am AEDT) on Tuesday, the UN said."), kept);
    // Two times of their own, one after the other, are both kept.
    assert_eq!(clocks("The first shell hit at 3pm on Tuesday, the second (at 4pm) missed.").len(), 2);
}

fn text_date(text: &str) -> Option<Date> {
    let rules = Rules::embedded().unwrap();
    extract(&Source::new("a", text.to_string(), &mut Vec::new()), 0, &rules).date
}

#[test]
fn a_full_date_before_a_later_year_is_no_date_of_the_text() {
    let earlier = "It was not until May 30, 2005, that his family revealed it. Felt was 91.";
    assert_eq!(text_date(earlier), Some(Date::constant(2005, 5, 30)));
    let later = format!("{earlier} Woodward told the story in his 2006 memoir.");
    assert_eq!(text_date(&later), None);
    // A year the text plans for is no sign it was written later.
    let planned = format!("{earlier} A museum will open in 2009.");
    assert_eq!(text_date(&planned), Some(Date::constant(2005, 5, 30)));
}

#[test]
fn a_full_date_after_the_weekday_of_the_lead_is_no_date_of_the_text() {
    let lead = "Felt died at his home on Thursday, his grandson said.";
    let passing = format!("{lead} Woodward said in an article in the Post on June 2, 2005, that he knew.");
    assert_eq!(text_date(&passing), None);
    // A dateline before the lead dates the text, and so does a weekday written with its date.
    let dateline = format!("SANTA ROSA, June 2, 2005. {lead}");
    assert_eq!(text_date(&dateline), Some(Date::constant(2005, 6, 2)));
    assert_eq!(text_date("The article ran on Thursday, June 2, 2005."), Some(Date::constant(2005, 6, 2)));
}
