//! The model as JSON: what the plans say and what was computed from them,
//! without file paths or byte offsets, so that two texts that mean the same
//! (a file and its formatted self) give the same JSON.

use serde_json::{Value, json};

use crate::analysis::Analysis;
use crate::cli::plan::{self, DatesJson};
use crate::model::{
    Allocation, Amount, Benefit, DateRange, Def, DefData, DefId, Dependency, Milestone, Model,
    Project, RefId, Risk, Spanned, Stakeholder,
};
use crate::syntax::ast::ItemKind;

/// `{"holidays", "people", "teams", "programs"}`, each program with its items.
pub fn model_json(model: &Model, analysis: &Analysis) -> Value {
    let holidays: Vec<Value> = model.holidays().map(date_range).collect();
    let of_kind = |kind: ItemKind| -> Vec<Value> {
        (0..model.defs.len())
            .map(|index| DefId(index as u32))
            .filter(|&id| model.def(id).kind() == kind)
            .map(|id| item_json(model, analysis, id))
            .collect()
    };
    let programs: Vec<Value> = plan::programs(model)
        .map(|(def, program)| {
            let mut value = common(def);
            value["owner"] = reference(model, program.owner);
            value["objective"] = json!(program.objective);
            value["window"] = program.window.as_ref().map_or(Value::Null, date_range);
            value["items"] = program
                .children
                .iter()
                .map(|&child| item_json(model, analysis, child))
                .collect();
            value
        })
        .collect();
    json!({
        "holidays": holidays,
        "people": of_kind(ItemKind::Person),
        "teams": of_kind(ItemKind::Team),
        "programs": programs,
    })
}

/// What every definition has: its name, kind and words.
fn common(def: &Def) -> Value {
    json!({
        "id": def.qualified_name(),
        "kind": def.kind().keyword(),
        "title": def.title,
        "docs": def.docs,
        "description": def.description,
    })
}

fn item_json(model: &Model, analysis: &Analysis, id: DefId) -> Value {
    let def = model.def(id);
    let mut value = common(def);
    let fields = match &def.data {
        DefData::Person(person) => json!({"role": person.role, "email": person.email}),
        DefData::Team(team) => json!({
            "capacity": value_of(team.capacity),
            "members": references(model, &team.members),
        }),
        DefData::Project(project) => project_json(model, project),
        DefData::Milestone(milestone) => milestone_json(model, milestone),
        DefData::Risk(risk) => risk_json(model, risk),
        DefData::Stakeholder(stakeholder) => stakeholder_json(model, stakeholder),
        DefData::Benefit(benefit) => benefit_json(model, benefit),
        DefData::Calendar(_) | DefData::Program(_) => json!({}),
    };
    if let (Value::Object(value), Value::Object(fields)) = (&mut value, fields) {
        value.extend(fields);
    }
    if matches!(def.kind(), ItemKind::Project | ItemKind::Milestone) {
        value["schedule"] = json!(DatesJson::of(&analysis.schedule, id));
    }
    value
}

fn project_json(model: &Model, project: &Project) -> Value {
    json!({
        "owner": reference(model, project.owner),
        "start": date(project.start),
        "end": date(project.end),
        "duration_days": value_of(project.duration),
        "deadline": date(project.deadline),
        "status": project.status.map(|status| status.value.keyword()),
        "progress": value_of(project.progress),
        "depends_on": dependencies(model, &project.depends_on),
        "allocations": project.allocate.iter().map(|allocation| allocation_json(model, allocation)).collect::<Vec<_>>(),
    })
}

fn milestone_json(model: &Model, milestone: &Milestone) -> Value {
    json!({
        "owner": reference(model, milestone.owner),
        "due": date(milestone.due),
        "depends_on": dependencies(model, &milestone.depends_on),
    })
}

fn risk_json(model: &Model, risk: &Risk) -> Value {
    json!({
        "likelihood": value_of(risk.likelihood),
        "impact": value_of(risk.impact),
        "exposure": risk.exposure(),
        "affects": references(model, &risk.affects),
        "owner": reference(model, risk.owner),
        "mitigation": risk.mitigation,
        "status": risk.status().keyword(),
    })
}

fn stakeholder_json(model: &Model, stakeholder: &Stakeholder) -> Value {
    json!({
        "power": stakeholder.power.map(|level| level.value.keyword()),
        "interest": stakeholder.interest.map(|level| level.value.keyword()),
        "contact": reference(model, stakeholder.contact),
    })
}

fn benefit_json(model: &Model, benefit: &Benefit) -> Value {
    json!({
        "owner": reference(model, benefit.owner),
        "delivered_by": references(model, &benefit.delivered_by),
        "realized_by": date(benefit.realized_by),
        "metric": benefit.metric,
        "baseline": value_of(benefit.baseline),
        "target": value_of(benefit.target),
    })
}

fn dependencies(model: &Model, dependencies: &[Dependency]) -> Vec<Value> {
    dependencies
        .iter()
        .map(|dependency| {
            json!({
                "item": reference(model, Some(dependency.target)),
                "type": dependency.kind.keyword(),
                "lag_days": dependency.lag,
            })
        })
        .collect()
}

fn allocation_json(model: &Model, allocation: &Allocation) -> Value {
    let resource = reference(model, Some(allocation.resource));
    match allocation.amount.value {
        Amount::People(people) => json!({"resource": resource, "people": people}),
        Amount::Percent(percent) => json!({"resource": resource, "percent": percent}),
    }
}

/// The qualified name of what a reference names, or the name as written
/// when it names nothing of a kind its property takes.
fn reference(model: &Model, reference: Option<RefId>) -> Value {
    match reference {
        Some(id) => match model.target(id) {
            Some(target) => json!(model.def(target).qualified_name()),
            None => json!(model.reference_text(id)),
        },
        None => Value::Null,
    }
}

fn references(model: &Model, references: &[RefId]) -> Vec<Value> {
    references
        .iter()
        .map(|&id| reference(model, Some(id)))
        .collect()
}

fn value_of<T: serde::Serialize>(spanned: Option<Spanned<T>>) -> Value {
    json!(spanned.map(|spanned| spanned.value))
}

fn date_range(range: &Spanned<DateRange>) -> Value {
    json!({
        "first": range.value.first.to_string(),
        "last": range.value.last.to_string(),
    })
}

fn date(spanned: Option<Spanned<jiff::civil::Date>>) -> Value {
    json!(spanned.map(|spanned| spanned.value.to_string()))
}
