//! Working days: Monday to Friday minus the calendar's holidays.
//!
//! Every working day has a rank, its [`WorkDay`]: consecutive working days
//! have consecutive ranks, whatever weekends and holidays lie between them.
//! Stepping over working days is then integer addition, and turning a date
//! into a rank or back costs a binary search over the holiday runs, so no
//! operation walks day by day, however far it steps.

use jiff::civil::Date;

use crate::model::{DateRange, Model};

/// A working day, counted from an arbitrary origin; only differences and
/// order mean anything. Ranks may lie beyond the representable calendar, in
/// which case [`WorkCalendar::date`] answers the nearest end of it.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct WorkDay(pub i64);

impl WorkDay {
    /// The working day `steps` working days later (earlier when negative).
    pub fn plus(self, steps: i64) -> WorkDay {
        WorkDay(self.0.saturating_add(steps))
    }

    /// Working days from `self` to `later`, negative when `later` is earlier.
    pub fn until(self, later: WorkDay) -> i64 {
        later.0.saturating_sub(self.0)
    }

    /// [`WorkDay::until`] as far as an `i32` reaches.
    pub fn working_days_until(self, later: WorkDay) -> i32 {
        let steps = self.until(later);
        i32::try_from(steps).unwrap_or(if steps < 0 { i32::MIN } else { i32::MAX })
    }
}

const DAYS_PER_WEEK: i64 = 7;
const WORKING_DAYS_PER_WEEK: i64 = 5;

/// A maximal run of consecutive holidays, in day numbers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
struct HolidayRun {
    first: i64,
    last: i64,
    /// Holidays falling on weekdays in all runs before this one.
    weekday_holidays_before: i64,
    /// `working_days_through(first - 1)`, kept for the search in `date`.
    working_days_before: i64,
}

impl HolidayRun {
    fn weekday_holidays(&self) -> i64 {
        weekdays_through(self.last) - weekdays_through(self.first - 1)
    }
}

#[derive(Clone, PartialEq, Debug, Default)]
pub struct WorkCalendar {
    /// Sorted, disjoint and not adjacent.
    holidays: Vec<HolidayRun>,
    /// Holidays falling on weekdays, in all runs.
    weekday_holidays: i64,
}

impl WorkCalendar {
    /// The holidays of every `calendar` in the model, together.
    pub fn from_model(model: &Model) -> WorkCalendar {
        WorkCalendar::new(model.holidays().map(|holiday| holiday.value))
    }

    /// A calendar with these holidays; an inverted range is no holiday at all.
    pub fn new(holidays: impl IntoIterator<Item = DateRange>) -> WorkCalendar {
        let mut ranges: Vec<(i64, i64)> = holidays
            .into_iter()
            .map(|range| (day_number(range.first), day_number(range.last)))
            .filter(|(first, last)| first <= last)
            .collect();
        ranges.sort_unstable();
        let mut runs: Vec<HolidayRun> = Vec::with_capacity(ranges.len());
        for (first, last) in ranges {
            match runs.last_mut() {
                Some(run) if first <= run.last + 1 => run.last = run.last.max(last),
                _ => runs.push(HolidayRun {
                    first,
                    last,
                    weekday_holidays_before: 0,
                    working_days_before: 0,
                }),
            }
        }
        let mut weekday_holidays = 0;
        for run in &mut runs {
            run.weekday_holidays_before = weekday_holidays;
            run.working_days_before = weekdays_through(run.first - 1) - weekday_holidays;
            weekday_holidays += run.weekday_holidays();
        }
        WorkCalendar {
            holidays: runs,
            weekday_holidays,
        }
    }

    pub fn is_working_day(&self, date: Date) -> bool {
        let day = day_number(date);
        self.working_days_through(day) > self.working_days_through(day - 1)
    }

    /// `date` itself when it is a working day, otherwise the next one.
    pub fn on_or_after(&self, date: Date) -> Date {
        self.date(self.first_on_or_after(date))
    }

    /// `date` itself when it is a working day, otherwise the one before.
    pub fn on_or_before(&self, date: Date) -> Date {
        self.date(self.last_on_or_before(date))
    }

    /// The `steps`-th working day after `date`, or before it when `steps` is
    /// negative; `date` itself for zero steps. `date` need not be a working
    /// day: one step forward from a Saturday is the Monday, one step back
    /// the Friday.
    pub fn add_working_days(&self, date: Date, steps: i32) -> Date {
        let from = match steps.signum() {
            0 => return date,
            1 => self.last_on_or_before(date),
            _ => self.first_on_or_after(date),
        };
        self.date(from.plus(i64::from(steps)))
    }

    /// The working days in `(a, b]`, negated when `b` is before `a`; between
    /// two working days it is the `k` with `add_working_days(a, k) == b`.
    pub fn working_days_between(&self, a: Date, b: Date) -> i32 {
        self.last_on_or_before(a)
            .working_days_until(self.last_on_or_before(b))
    }

    /// The rank of `date` if it is a working day, otherwise of the next one.
    pub fn first_on_or_after(&self, date: Date) -> WorkDay {
        WorkDay(self.working_days_through(day_number(date) - 1) + 1)
    }

    /// The rank of `date` if it is a working day, otherwise of the one before.
    pub fn last_on_or_before(&self, date: Date) -> WorkDay {
        WorkDay(self.working_days_through(day_number(date)))
    }

    /// The date of a working day; ranks beyond the representable calendar
    /// give its first or last date.
    pub fn date(&self, day: WorkDay) -> Date {
        let rank = day.0;
        // The runs that end before the answer are exactly those with fewer
        // than `rank` working days before their start.
        let runs_before = self
            .holidays
            .partition_point(|run| run.working_days_before < rank);
        let skipped = self
            .holidays
            .get(runs_before)
            .map_or(self.weekday_holidays, |run| run.weekday_holidays_before);
        from_day_number(nth_weekday(rank.saturating_add(skipped)))
    }

    /// Working days from the origin through day number `day`, so that the
    /// count grows by one exactly on each working day.
    fn working_days_through(&self, day: i64) -> i64 {
        weekdays_through(day) - self.weekday_holidays_through(day)
    }

    fn weekday_holidays_through(&self, day: i64) -> i64 {
        let started = self.holidays.partition_point(|run| run.first <= day);
        let Some(run) = started.checked_sub(1).map(|index| self.holidays[index]) else {
            return 0;
        };
        run.weekday_holidays_before + weekdays_through(day.min(run.last))
            - weekdays_through(run.first - 1)
    }
}

/// The dates of working days, with its recent answers remembered. A plan's
/// dates fall on a few hundred distinct days, and a look in the memo costs
/// a fraction of the arithmetic of [`WorkCalendar::date`], which the
/// schedule and the loads call for every item and every segment.
#[derive(Clone, Debug)]
pub struct DateMemo<'c> {
    calendar: &'c WorkCalendar,
    /// By rank modulo their number: a rank and its date.
    slots: Vec<(WorkDay, Date)>,
}

/// Ranks less than four years apart never share a slot.
const MEMO_SLOTS: i64 = 1024;

impl<'c> DateMemo<'c> {
    pub fn new(calendar: &'c WorkCalendar) -> DateMemo<'c> {
        let anything = WorkDay(0);
        DateMemo {
            calendar,
            slots: vec![(anything, calendar.date(anything)); MEMO_SLOTS as usize],
        }
    }

    /// [`WorkCalendar::date`].
    pub fn date(&mut self, day: WorkDay) -> Date {
        let slot = &mut self.slots[day.0.rem_euclid(MEMO_SLOTS) as usize];
        if slot.0 != day {
            *slot = (day, self.calendar.date(day));
        }
        slot.1
    }
}

/// Weekdays from the origin through day number `day`: it grows by one on
/// each Monday to Friday and stays put over the weekend.
fn weekdays_through(day: i64) -> i64 {
    let weeks = day.div_euclid(DAYS_PER_WEEK);
    let weekday = day.rem_euclid(DAYS_PER_WEEK);
    WORKING_DAYS_PER_WEEK * weeks + weekday.min(WORKING_DAYS_PER_WEEK - 1) + 1
}

/// The day number of the weekday whose `weekdays_through` is `count`.
fn nth_weekday(count: i64) -> i64 {
    let before = count.saturating_sub(1);
    let weeks = before.div_euclid(WORKING_DAYS_PER_WEEK);
    let weekday = before.rem_euclid(WORKING_DAYS_PER_WEEK);
    weeks.saturating_mul(DAYS_PER_WEEK).saturating_add(weekday)
}

// Day numbers are converted by integer arithmetic on the proleptic
// Gregorian calendar (the algorithms of Howard Hinnant's "chrono-compatible
// low-level date algorithms"): the schedule and the loads convert every date
// they read or answer, and date arithmetic through `jiff` spans cost more
// than the rest of those passes together.

/// Days in one 400-year cycle of the Gregorian calendar.
const DAYS_PER_ERA: i64 = 146_097;
/// Day number of 0000-03-01, the start of an era counted from March. Day
/// numbers count from Monday 2001-01-01, so that day numbers modulo 7 are
/// weekdays counted from Monday.
const ERA_ORIGIN: i64 = -730_791;

fn day_number(date: Date) -> i64 {
    let (year, month, day) = (
        i64::from(date.year()),
        i64::from(date.month()),
        i64::from(date.day()),
    );
    // Years run from March, so that the leap day is the last of its year.
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * DAYS_PER_ERA + day_of_era + ERA_ORIGIN
}

/// Whole eras from the first one `Date::MIN` falls in to the one of
/// `ERA_ORIGIN`.
const ERAS_BEFORE_THE_FIRST_DAY: i64 = 25;
/// The day numbers of `Date::MIN` and `Date::MAX`.
const FIRST_DAY: i64 = -4_382_910;
const LAST_DAY: i64 = 2_921_573;

/// The date of a day number, or the nearest end of the calendar.
fn from_day_number(day: i64) -> Date {
    if day <= FIRST_DAY {
        return Date::MIN;
    }
    if day >= LAST_DAY {
        return Date::MAX;
    }
    // Counted from an era before the calendar's first day, the arithmetic is
    // unsigned and 32 bits wide: a third faster than signed and 64 bits.
    let days = (day - ERA_ORIGIN + ERAS_BEFORE_THE_FIRST_DAY * DAYS_PER_ERA) as u32;
    let era = days / DAYS_PER_ERA as u32;
    let day_of_era = days % DAYS_PER_ERA as u32;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day_of_month = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = i64::from(year_of_era)
        + (i64::from(era) - ERAS_BEFORE_THE_FIRST_DAY) * 400
        + i64::from(month <= 2);
    Date::new(year as i16, month as i8, day_of_month as i8)
        .expect("a day number inside the calendar's range is a valid date")
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    fn calendar(holidays: &[(Date, Date)]) -> WorkCalendar {
        WorkCalendar::new(
            holidays
                .iter()
                .map(|&(first, last)| DateRange { first, last }),
        )
    }

    /// One working day at a time, the slow and obvious way.
    fn step_by_step(calendar: &WorkCalendar, mut day: Date, steps: i32) -> Date {
        let direction = if steps < 0 { -1 } else { 1 };
        for _ in 0..steps.abs() {
            day = day.checked_add(jiff::Span::new().days(direction)).unwrap();
            while !calendar.is_working_day(day) {
                day = day.checked_add(jiff::Span::new().days(direction)).unwrap();
            }
        }
        day
    }

    #[test]
    fn weekends_are_not_working_days() {
        let plain = WorkCalendar::default();
        assert!(plain.is_working_day(date(2027, 1, 1)));
        assert!(!plain.is_working_day(date(2027, 1, 2)));
        assert!(!plain.is_working_day(date(2027, 1, 3)));
        assert!(plain.is_working_day(date(2027, 1, 4)));
        assert_eq!(plain.on_or_after(date(2027, 1, 2)), date(2027, 1, 4));
        assert_eq!(plain.on_or_before(date(2027, 1, 3)), date(2027, 1, 1));
        assert_eq!(plain.on_or_after(date(2027, 1, 6)), date(2027, 1, 6));
    }

    #[test]
    fn single_holidays_and_ranges_are_skipped() {
        let holidays = calendar(&[
            (date(2027, 5, 31), date(2027, 5, 31)),
            (date(2027, 12, 24), date(2027, 12, 31)),
        ]);
        assert!(!holidays.is_working_day(date(2027, 5, 31)));
        assert!(!holidays.is_working_day(date(2027, 12, 27)));
        assert!(holidays.is_working_day(date(2027, 12, 23)));
        assert!(holidays.is_working_day(date(2028, 1, 3)));
        // Friday 28 May, then Monday 31 May is a holiday.
        assert_eq!(
            holidays.add_working_days(date(2027, 5, 28), 1),
            date(2027, 6, 1)
        );
        assert_eq!(
            holidays.add_working_days(date(2027, 6, 1), -1),
            date(2027, 5, 28)
        );
        assert_eq!(holidays.on_or_after(date(2027, 12, 24)), date(2028, 1, 3));
        assert_eq!(
            holidays.on_or_before(date(2027, 12, 31)),
            date(2027, 12, 23)
        );
        assert_eq!(
            holidays.working_days_between(date(2027, 12, 23), date(2028, 1, 3)),
            1
        );
    }

    #[test]
    fn overlapping_adjacent_and_inverted_holidays_merge() {
        let merged = calendar(&[
            (date(2027, 3, 3), date(2027, 3, 5)),
            (date(2027, 3, 1), date(2027, 3, 3)),
            (date(2027, 3, 6), date(2027, 3, 9)),
            (date(2027, 3, 20), date(2027, 3, 10)),
        ]);
        assert_eq!(merged.holidays.len(), 1);
        assert_eq!(merged.on_or_after(date(2027, 3, 1)), date(2027, 3, 10));
        assert_eq!(
            merged.add_working_days(date(2027, 2, 26), 1),
            date(2027, 3, 10)
        );
    }

    #[test]
    fn steps_match_walking_day_by_day() {
        let holidays = calendar(&[
            (date(2026, 12, 25), date(2027, 1, 1)),
            (date(2027, 4, 2), date(2027, 4, 5)),
            (date(2027, 5, 31), date(2027, 5, 31)),
            (date(2027, 6, 5), date(2027, 6, 6)),
        ]);
        let mut start = date(2026, 12, 20);
        while start < date(2027, 7, 1) {
            for steps in [-90, -7, -5, -1, 0, 1, 4, 5, 6, 30, 120] {
                let expected = step_by_step(&holidays, start, steps);
                assert_eq!(
                    holidays.add_working_days(start, steps),
                    expected,
                    "{start} {steps:+}"
                );
                if holidays.is_working_day(start) {
                    assert_eq!(holidays.working_days_between(start, expected), steps);
                }
            }
            start = start.tomorrow().unwrap();
        }
    }

    #[test]
    fn between_counts_working_days_after_the_first_date() {
        let plain = WorkCalendar::default();
        // Saturday to Saturday: the five working days in between.
        assert_eq!(
            plain.working_days_between(date(2027, 1, 2), date(2027, 1, 9)),
            5
        );
        assert_eq!(
            plain.working_days_between(date(2027, 1, 9), date(2027, 1, 2)),
            -5
        );
        assert_eq!(
            plain.working_days_between(date(2027, 1, 4), date(2027, 1, 4)),
            0
        );
        assert_eq!(
            plain.working_days_between(date(2027, 1, 4), date(2027, 2, 12)),
            29
        );
    }

    #[test]
    fn day_numbers_agree_with_jiff_across_the_whole_calendar() {
        let epoch = date(2001, 1, 1);
        let by_jiff = |day: Date| day.duration_since(epoch).as_hours() / 24;
        let mut day = Date::MIN;
        while day < Date::MAX {
            assert_eq!(day_number(day), by_jiff(day), "{day}");
            assert_eq!(from_day_number(day_number(day)), day);
            day = day
                .checked_add(jiff::Span::new().days(13))
                .unwrap_or(Date::MAX);
        }
        for day in [
            Date::MIN,
            Date::MAX,
            epoch,
            date(2000, 2, 29),
            date(1900, 3, 1),
        ] {
            assert_eq!(day_number(day), by_jiff(day), "{day}");
            assert_eq!(from_day_number(day_number(day)), day);
        }
        assert_eq!(
            (day_number(Date::MIN), day_number(Date::MAX)),
            (FIRST_DAY, LAST_DAY)
        );
        assert_eq!(from_day_number(i64::MIN), Date::MIN);
        assert_eq!(from_day_number(i64::MAX), Date::MAX);
    }

    #[test]
    fn the_memo_answers_what_the_calendar_does() {
        let holidays = calendar(&[(date(2027, 4, 2), date(2027, 4, 5))]);
        let mut memo = DateMemo::new(&holidays);
        let around = holidays.first_on_or_after(date(2027, 1, 4)).0;
        // Ranks a multiple of the number of slots apart share one.
        let ranks =
            (-3..3).flat_map(|lap| (0..50).map(move |step| around + lap * MEMO_SLOTS + step));
        for rank in ranks
            .clone()
            .chain(ranks.rev())
            .chain([i64::MIN, i64::MAX, 0])
        {
            assert_eq!(
                memo.date(WorkDay(rank)),
                holidays.date(WorkDay(rank)),
                "{rank}"
            );
        }
    }

    #[test]
    fn the_ends_of_the_calendar_saturate() {
        let plain = WorkCalendar::default();
        assert_eq!(plain.add_working_days(date(9999, 12, 1), 1_000), Date::MAX);
        assert_eq!(plain.add_working_days(date(-9999, 2, 1), -1_000), Date::MIN);
        assert_eq!(
            plain.add_working_days(date(2027, 1, 4), i32::MAX),
            Date::MAX
        );
        let never = calendar(&[(Date::MIN, Date::MAX)]);
        assert!(!never.is_working_day(date(2027, 1, 4)));
        assert_eq!(never.on_or_after(date(2027, 1, 4)), Date::MAX);
    }

    #[test]
    fn a_long_step_over_many_holidays_is_exact() {
        let every_monday: Vec<(Date, Date)> = (0..520)
            .map(|week| {
                let monday = date(2027, 1, 4)
                    .checked_add(jiff::Span::new().weeks(week))
                    .unwrap();
                (monday, monday)
            })
            .collect();
        let four_day_weeks = calendar(&every_monday);
        assert_eq!(
            four_day_weeks.add_working_days(date(2027, 1, 5), 4 * 100),
            date(2028, 12, 5)
        );
        assert_eq!(
            four_day_weeks.working_days_between(date(2027, 1, 5), date(2028, 12, 5)),
            400
        );
    }
}
