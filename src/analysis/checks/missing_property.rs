//! `missing-property`: an item lacks what the plan needs to make sense of it.
//!
//! - a project with neither `duration` nor `end` has no length;
//! - a milestone with neither `depends_on` nor `due` has no date of its own;
//! - a risk without `likelihood` or `impact` has no exposure;
//! - a benefit without `delivered_by` has nothing that delivers it.
//!
//! A key that is written but whose value was rejected is not missing: the
//! value is reported already, and one mistake should give one diagnostic.

use crate::base::{Code, Diagnostic};
use crate::model::{Def, DefData};

/// Something an item needs: one of `keys`, without which `consequence`.
struct Need {
    keys: &'static [&'static str],
    consequence: &'static str,
}

const LENGTH: Need = Need {
    keys: &["duration", "end"],
    consequence: "so its length is unknown",
};
const DATE: Need = Need {
    keys: &["depends_on", "due"],
    consequence: "so it has no date of its own",
};
const LIKELIHOOD: Need = Need {
    keys: &["likelihood"],
    consequence: "so its exposure is unknown",
};
const IMPACT: Need = Need {
    keys: &["impact"],
    consequence: "so its exposure is unknown",
};
const DELIVERY: Need = Need {
    keys: &["delivered_by"],
    consequence: "so no project or milestone delivers it",
};

pub(super) fn check(def: &Def, out: &mut Vec<Diagnostic>) {
    let unmet: &[&Need] = match &def.data {
        DefData::Project(project) if project.duration.is_none() && project.end.is_none() => {
            &[&LENGTH]
        }
        DefData::Milestone(milestone)
            if milestone.depends_on.is_empty() && milestone.due.is_none() =>
        {
            &[&DATE]
        }
        DefData::Risk(risk) => match (risk.likelihood, risk.impact) {
            (None, None) => &[&LIKELIHOOD, &IMPACT],
            (None, Some(_)) => &[&LIKELIHOOD],
            (Some(_), None) => &[&IMPACT],
            (Some(_), Some(_)) => return,
        },
        DefData::Benefit(benefit) if benefit.delivered_by.is_empty() => &[&DELIVERY],
        _ => return,
    };
    for need in unmet {
        if need.keys.iter().any(|key| def.wrote(key)) {
            continue;
        }
        let keys: Vec<String> = need.keys.iter().map(|key| format!("`{key}`")).collect();
        let absent = match keys.as_slice() {
            [only] => format!("no {only}"),
            _ => format!("neither {}", keys.join(" nor ")),
        };
        let message = format!(
            "{} `{}` has {absent}, {}",
            def.kind().keyword(),
            def.qualified_name(),
            need.consequence
        );
        out.push(Diagnostic::new(
            Code::MissingProperty,
            def.name_location(),
            message,
        ));
    }
}
