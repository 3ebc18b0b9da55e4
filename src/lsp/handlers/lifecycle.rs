//! `initialize` and `initialized`.

use std::path::PathBuf;

use serde_json::json;
use tower_lsp_server::jsonrpc::Result;
use tower_lsp_server::ls_types::{
    DidChangeWatchedFilesRegistrationOptions, FileSystemWatcher, GlobPattern, InitializeParams,
    InitializeResult, MessageType, Registration, ServerInfo,
};

use crate::lsp::capabilities::{self, ClientSupport};
use crate::lsp::client_settings;
use crate::lsp::disk;
use crate::lsp::isolation::isolated;
use crate::lsp::server::Server;
use crate::lsp::uri;
use crate::lsp::worker::CLIENT_TIMEOUT;
use crate::workspace::SETTINGS_FILE_NAME;

/// Negotiates the capabilities and loads every file of the workspace
/// folders before answering, so that nothing the client sends afterwards
/// can race the load.
pub(crate) async fn initialize(
    server: &Server,
    params: InitializeParams,
) -> Result<InitializeResult> {
    let encoding = capabilities::position_encoding(&params.capabilities);
    let support = ClientSupport::new(&params.capabilities);
    let folders = workspace_folders(&params);
    let client_settings = params
        .initialization_options
        .as_ref()
        .and_then(client_settings::from_json);

    let to_load = folders.clone();
    let loaded = isolated(move || disk::load(&to_load, &to_load))
        .await
        .unwrap_or_else(|panic| disk::Loaded {
            problems: vec![format!("the workspace could not be read: {panic}")],
            ..disk::Loaded::default()
        });
    {
        let mut store = server.store();
        store.set_encoding(encoding);
        store.set_folders(folders);
        for (uri, text) in loaded.files {
            store.set_disk(uri, text);
        }
        store.set_file_settings(loaded.settings);
        if let Some((settings, _)) = &client_settings {
            store.set_client_settings(*settings);
        }
    }
    server.set_support(support);
    server.start_worker();
    let settings_problems = client_settings
        .into_iter()
        .flat_map(|(_, problems)| problems);
    for problem in loaded.problems.into_iter().chain(settings_problems) {
        server.defer_message(problem);
    }

    Ok(InitializeResult {
        capabilities: capabilities::server_capabilities(encoding, support),
        server_info: Some(ServerInfo {
            name: "pgm".to_string(),
            version: Some(env!("CARGO_PKG_VERSION").to_string()),
        }),
        offset_encoding: None,
    })
}

/// The folders to load: those the client names, or its root when it names
/// none (an older client).
fn workspace_folders(params: &InitializeParams) -> Vec<PathBuf> {
    match &params.workspace_folders {
        Some(folders) => uri::folder_paths(folders),
        #[expect(
            deprecated,
            reason = "the fallback for clients without workspace folders"
        )]
        None => params.root_uri.iter().filter_map(uri::file_path).collect(),
    }
}

/// Asks for the first analysis, and to be told of changes on disk.
pub(crate) async fn initialized(server: &Server) {
    server.changed();
    register_watchers(server);
    for message in server.take_deferred_messages() {
        server
            .client()
            .log_message(MessageType::WARNING, message)
            .await;
    }
}

/// Registers, from a task of its own, for the changes to `.pgm` files and
/// `pgm.toml` on disk, and for configuration changes, as far as the client
/// lets a server register them.
fn register_watchers(server: &Server) {
    let support = server.support();
    let mut registrations = Vec::new();
    if support.watch_registration {
        let watcher = |pattern: String| FileSystemWatcher {
            glob_pattern: GlobPattern::String(pattern),
            kind: None,
        };
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: vec![
                watcher("**/*.pgm".to_string()),
                watcher(format!("**/{SETTINGS_FILE_NAME}")),
            ],
        };
        registrations.push(Registration {
            id: "pgm-watched-files".to_string(),
            method: "workspace/didChangeWatchedFiles".to_string(),
            register_options: serde_json::to_value(options).ok(),
        });
    }
    if support.configuration_registration {
        registrations.push(Registration {
            id: "pgm-configuration".to_string(),
            method: "workspace/didChangeConfiguration".to_string(),
            register_options: Some(json!({ "section": client_settings::SECTION })),
        });
    }
    if registrations.is_empty() {
        return;
    }
    let server = server.clone();
    tokio::spawn(async move {
        let registered = tokio::time::timeout(
            CLIENT_TIMEOUT,
            server.client().register_capability(registrations),
        )
        .await;
        let problem = match registered {
            Ok(Ok(())) => return,
            Ok(Err(error)) => error.to_string(),
            Err(_) => "no answer in time".to_string(),
        };
        let message = format!("could not register for changes on disk: {problem}");
        server
            .client()
            .log_message(MessageType::WARNING, message)
            .await;
    });
}
