//! The language server protocol layer of `pgm lsp`: the document store,
//! position conversion, capability negotiation, the analysis that follows
//! every change, and thin handlers that convert to and from protocol types.
//!
//! How a change flows: a handler in `handlers/` applies it to the `store`
//! at once (the order of edits depends on it; see `handlers/text_sync.rs`)
//! and wakes the `worker`, which analyses a copy of the store on the
//! blocking pool, keeps the result as the latest [`Snapshot`] and publishes
//! the diagnostics that changed.
//!
//! How a feature plugs in: it is a plain function in `crate::ide`. Its
//! handler in `server.rs` calls [`Server::on_document`] with the method's
//! name, the document's URI and a closure that converts the protocol
//! position with [`Snapshot::offset`], calls the feature, and converts the
//! answer back with [`Snapshot::range`] or [`Snapshot::location`]; the
//! feature's capability goes into `capabilities.rs`.

mod analyzer;
mod capabilities;
mod client_settings;
mod convert;
mod diagnostics;
mod disk;
mod document;
mod handlers;
mod input;
mod isolation;
mod publisher;
mod server;
mod snapshot;
mod store;
mod uri;
mod worker;

use std::process::ExitCode;

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::LspService;

use crate::workspace::Settings;

pub use diagnostics::DIAGNOSTICS_DOCUMENTATION;
pub use handlers::debug::{DOCUMENT_TEXT_METHOD, DocumentTextParams};
pub use server::Server;
pub use snapshot::Snapshot;

/// Serves the protocol on standard input and output until the client says
/// `exit` or closes the connection. The exit code is success when the
/// client asked for a shutdown first, as the protocol wants. The command
/// line's settings come under the client's and over `pgm.toml`'s.
pub fn run(command_line: Settings) -> std::io::Result<ExitCode> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    let exit_code = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout(), command_line));
    // An analysis still running on the blocking pool must not delay the exit.
    runtime.shutdown_background();
    Ok(exit_code)
}

/// Serves the protocol over any pair of byte streams.
pub async fn serve<I, O>(input: I, output: O, command_line: Settings) -> ExitCode
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite,
{
    let (service, socket) = LspService::build(move |client| Server::new(client, command_line))
        .custom_method(DOCUMENT_TEXT_METHOD, Server::document_text)
        .custom_method(input::UNDECODABLE_METHOD, Server::undecodable)
        .finish();
    let server = service.inner().clone();
    tower_lsp_server::Server::new(input::checked(input), output, socket)
        .serve(service)
        .await;
    if server.was_shut_down() {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}
