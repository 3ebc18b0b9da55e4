//! Working days: Monday to Friday minus the calendar's holidays.

use std::collections::BTreeSet;

use jiff::civil::Date;

#[derive(Clone, Debug, Default)]
pub struct WorkCalendar {
    holidays: BTreeSet<Date>,
}

impl WorkCalendar {
    pub fn from_model(model: &crate::model::Model) -> WorkCalendar {
        todo!("{}", model.defs.len())
    }
}
