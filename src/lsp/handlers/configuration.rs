//! `workspace/didChangeConfiguration`: new settings take effect at once,
//! by a new analysis of the whole workspace.

use serde_json::Value;
use tower_lsp_server::ls_types::{ConfigurationItem, DidChangeConfigurationParams, MessageType};

use crate::lsp::client_settings::{self, SECTION};
use crate::lsp::server::Server;
use crate::lsp::worker::CLIENT_TIMEOUT;

/// Takes the settings the notification carries. A client that sends none
/// (it expects servers to pull them) is asked for them.
pub(crate) fn did_change_configuration(server: &Server, params: DidChangeConfigurationParams) {
    let applied = apply(server, &params.settings);
    if !applied && server.support().configuration_request {
        tokio::spawn(fetch(server.clone()));
    }
}

/// Asks the client for the settings, from a task of its own: a handler
/// that waited for the client's answer could hold up the connection.
async fn fetch(server: Server) {
    let item = ConfigurationItem {
        scope_uri: None,
        section: Some(SECTION.to_string()),
    };
    let answer = tokio::time::timeout(CLIENT_TIMEOUT, server.client().configuration(vec![item]));
    match answer.await {
        Ok(Ok(values)) => {
            if let Some(section) = values.first() {
                apply(&server, section);
            }
        }
        Ok(Err(error)) => server.log(
            MessageType::WARNING,
            format!("could not read the configuration: {error}"),
        ),
        Err(_) => server.log(
            MessageType::WARNING,
            "the client did not send the configuration in time".to_string(),
        ),
    }
}

/// Takes the settings in `value`, if it has any; says whether it had.
fn apply(server: &Server, value: &Value) -> bool {
    let Some((settings, problems)) = client_settings::from_json(value) else {
        return false;
    };
    server.store().set_client_settings(settings);
    server.changed();
    for problem in problems {
        server.log(MessageType::WARNING, problem);
    }
    true
}
