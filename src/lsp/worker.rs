//! The analysis worker: one task that, each time the store changes, takes
//! a copy of the workspace, analyses it on the blocking pool and tells the
//! client. Changes that arrive while it works are folded into its next
//! round, so a burst of edits costs one analysis, not one per edit.
//!
//! A result is published only while its generation is still the store's:
//! a newer edit supersedes it, and its own analysis publishes instead. The
//! result is still offered to requests that arrived before that edit.

use std::sync::Arc;
use std::time::Duration;

use tokio::sync::{Notify, watch};
use tower_lsp_server::ls_types::{MessageType, PublishDiagnosticsParams};

use crate::lsp::analyzer::Analyzer;
use crate::lsp::isolation::isolated_in_pool;
use crate::lsp::publisher::Publisher;
use crate::lsp::server::Server;
use crate::lsp::snapshot::Snapshot;

/// How long the server waits for the client to answer a request of its own.
pub(crate) const CLIENT_TIMEOUT: Duration = Duration::from_secs(10);

/// The hand-over between the store's changes, the worker and the requests.
#[derive(Debug)]
pub(crate) struct Analyses {
    wake: Notify,
    latest: watch::Sender<Latest>,
}

#[derive(Clone, Debug, Default)]
pub(crate) struct Latest {
    /// The newest generation the worker has finished with, well or not.
    pub generation: u64,
    /// The newest snapshot that could be built.
    pub snapshot: Option<Arc<Snapshot>>,
}

impl Analyses {
    pub fn new() -> Analyses {
        Analyses {
            wake: Notify::new(),
            latest: watch::Sender::new(Latest::default()),
        }
    }

    /// Asks for an analysis of the store as it is now.
    pub fn request(&self) {
        self.wake.notify_one();
    }

    /// The newest result once the worker has finished with `generation`.
    pub async fn at_least(&self, generation: u64) -> Latest {
        let mut receiver = self.latest.subscribe();
        match receiver
            .wait_for(|latest| latest.generation >= generation)
            .await
        {
            Ok(latest) => latest.clone(),
            // The sender lives as long as `self`; this is not reached.
            Err(_) => self.latest.borrow().clone(),
        }
    }
}

pub(crate) async fn run(server: Server) {
    let mut analyzer = Analyzer::default();
    let mut publisher = Publisher::new(server.support().pull_diagnostics);
    let mut finished = None;
    loop {
        server.analyses().wake.notified().await;
        let input = server.store().analysis_input();
        let generation = input.generation;
        if finished == Some(generation) {
            continue;
        }
        finished = Some(generation);
        let outcome = isolated_in_pool(move || {
            let snapshot = analyzer.snapshot(input);
            (snapshot, analyzer)
        })
        .await;
        let snapshot = match outcome {
            Ok((snapshot, kept)) => {
                analyzer = kept;
                Some(Arc::new(snapshot))
            }
            Err(message) => {
                analyzer = Analyzer::default();
                let message = format!("the analysis failed: {message}");
                server
                    .client()
                    .log_message(MessageType::ERROR, message)
                    .await;
                None
            }
        };
        let mut replaced = None;
        server.analyses().latest.send_modify(|latest| {
            latest.generation = generation;
            if snapshot.is_some() {
                replaced = std::mem::replace(&mut latest.snapshot, snapshot.clone());
            }
        });
        // Freeing a whole model and its analysis takes as long as a fifth of
        // building them: do it beside the publication, not before it.
        if let Some(replaced) = replaced {
            tokio::task::spawn_blocking(move || drop(replaced));
        }
        let Some(snapshot) = snapshot else { continue };
        if server.store().generation() != generation {
            continue;
        }
        let update = publisher.update(&snapshot);
        for publication in update.publications {
            let PublishDiagnosticsParams {
                uri,
                diagnostics,
                version,
            } = publication;
            server
                .client()
                .publish_diagnostics(uri, diagnostics, version)
                .await;
        }
        if update.refresh && server.support().diagnostic_refresh {
            let client = server.client().clone();
            tokio::spawn(async move {
                let _ = tokio::time::timeout(CLIENT_TIMEOUT, client.workspace_diagnostic_refresh())
                    .await;
            });
        }
    }
}
