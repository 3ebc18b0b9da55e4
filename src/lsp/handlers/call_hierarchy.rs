//! `textDocument/prepareCallHierarchy`, `callHierarchy/incomingCalls` and
//! `outgoingCalls`, which walk the dependency graph: the callers of an
//! item are its dependents, its callees its dependencies.

use serde_json::{Value, json};
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    CallHierarchyIncomingCall, CallHierarchyIncomingCallsParams, CallHierarchyItem,
    CallHierarchyOutgoingCall, CallHierarchyOutgoingCallsParams, CallHierarchyPrepareParams, Range,
};

use crate::base::{FileId, FileSpan};
use crate::ide::{self, NavTarget};
use crate::lsp::convert::symbol_kind;
use crate::lsp::server::Server;
use crate::lsp::snapshot::Snapshot;
use crate::model::DefId;

pub(crate) async fn prepare(
    server: &Server,
    params: CallHierarchyPrepareParams,
) -> Result<Option<Vec<CallHierarchyItem>>> {
    let at = params.text_document_position_params;
    server
        .on_document(
            "textDocument/prepareCallHierarchy",
            &at.text_document.uri,
            move |snapshot, file| {
                let offset = snapshot.offset(file, at.position);
                let target = ide::prepare_call_hierarchy(&snapshot.model, file, offset)?;
                Some(vec![item(snapshot, &target)])
            },
        )
        .await
}

pub(crate) async fn incoming(
    server: &Server,
    params: CallHierarchyIncomingCallsParams,
) -> Result<Option<Vec<CallHierarchyIncomingCall>>> {
    let called = params.item;
    let uri = called.uri.clone();
    server
        .on_document(
            "callHierarchy/incomingCalls",
            &uri,
            move |snapshot, file| {
                let def = find(snapshot, file, &called)?;
                let calls = ide::incoming_calls(&snapshot.model, &snapshot.analysis, def)
                    .into_iter()
                    .map(|call| CallHierarchyIncomingCall {
                        // The entries that name the item are in the caller's text.
                        from_ranges: ranges_in(snapshot, call.target.full.file, &call.from),
                        from: item(snapshot, &call.target),
                    })
                    .collect();
                Some(calls)
            },
        )
        .await
}

pub(crate) async fn outgoing(
    server: &Server,
    params: CallHierarchyOutgoingCallsParams,
) -> Result<Option<Vec<CallHierarchyOutgoingCall>>> {
    let caller = params.item;
    let uri = caller.uri.clone();
    server
        .on_document(
            "callHierarchy/outgoingCalls",
            &uri,
            move |snapshot, file| {
                let def = find(snapshot, file, &caller)?;
                let calls = ide::outgoing_calls(&snapshot.model, &snapshot.analysis, def)
                    .into_iter()
                    .map(|call| CallHierarchyOutgoingCall {
                        // The entries that name the callee are in the caller's text.
                        from_ranges: ranges_in(snapshot, file, &call.from),
                        to: item(snapshot, &call.target),
                    })
                    .collect();
                Some(calls)
            },
        )
        .await
}

/// An item carries its qualified name as `data`: definition ids belong to
/// one model, and a name outlives the edits that shift positions.
fn item(snapshot: &Snapshot, target: &NavTarget) -> CallHierarchyItem {
    CallHierarchyItem {
        name: target.name.clone(),
        kind: symbol_kind(target.kind),
        tags: None,
        detail: target.title.clone(),
        uri: snapshot.uri(target.full.file).clone(),
        range: snapshot.range(target.full),
        selection_range: snapshot.range(target.focus),
        data: Some(json!({ "name": target.name })),
    }
}

/// The definition an item stands for now: by its qualified name, or, for a
/// client that did not hand the data back, by where its name is.
fn find(snapshot: &Snapshot, file: FileId, item: &CallHierarchyItem) -> Option<DefId> {
    let by_name = item
        .data
        .as_ref()
        .and_then(|data| data.get("name"))
        .and_then(Value::as_str)
        .and_then(|name| snapshot.model.lookup(name));
    by_name.or_else(|| {
        let offset = snapshot.offset(file, item.selection_range.start);
        ide::prepare_call_hierarchy(&snapshot.model, file, offset).map(|target| target.def)
    })
}

fn ranges_in(snapshot: &Snapshot, file: FileId, places: &[FileSpan]) -> Vec<Range> {
    places
        .iter()
        .filter(|at| at.file == file)
        .map(|&at| snapshot.range(at))
        .collect()
}
