//! `unmitigated-risk`: an open risk at or above the exposure threshold
//! without a `mitigation`.

use crate::analysis::checks::Context;
use crate::base::{Code, Diagnostic};
use crate::model::{Def, DefData, RiskStatus};

pub(super) fn check(cx: &Context<'_>, def: &Def, out: &mut Vec<Diagnostic>) {
    let threshold = cx.options.exposure_threshold;
    let DefData::Risk(risk) = &def.data else {
        return;
    };
    let (Some(likelihood), Some(impact), Some(exposure)) =
        (risk.likelihood, risk.impact, risk.exposure())
    else {
        return;
    };
    let mitigated = risk
        .mitigation
        .as_deref()
        .is_some_and(|text| !text.trim().is_empty());
    if risk.status() != RiskStatus::Open || exposure < threshold || mitigated {
        return;
    }
    let message = format!(
        "open risk `{}` has exposure {exposure} (likelihood {} × impact {}), at or above the threshold {threshold}, and no `mitigation`",
        def.qualified_name(),
        likelihood.value,
        impact.value
    );
    out.push(Diagnostic::new(
        Code::UnmitigatedRisk,
        def.name_location(),
        message,
    ));
}
