//! The server: its shared state, the helpers every handler uses, and the
//! table from protocol methods to handlers.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, Once, OnceLock, PoisonError};

use tower_lsp_server::jsonrpc::{Error, ErrorCode, Result};
use tower_lsp_server::ls_types::request::{GotoDeclarationParams, GotoDeclarationResponse};
use tower_lsp_server::ls_types::{
    CallHierarchyIncomingCall, CallHierarchyIncomingCallsParams, CallHierarchyItem,
    CallHierarchyOutgoingCall, CallHierarchyOutgoingCallsParams, CallHierarchyPrepareParams,
    CodeActionParams, CodeActionResponse, CodeLens, CodeLensParams, CompletionParams,
    CompletionResponse, DocumentFormattingParams, DocumentHighlight, DocumentHighlightParams,
    DocumentRangeFormattingParams, DocumentSymbolParams, DocumentSymbolResponse, FoldingRange,
    FoldingRangeParams, GotoDefinitionParams, GotoDefinitionResponse, Hover, HoverParams,
    InlayHint, InlayHintParams, Location, PrepareRenameResponse, ReferenceParams, RenameParams,
    SelectionRange, SelectionRangeParams, SemanticTokensParams, SemanticTokensRangeParams,
    SemanticTokensRangeResult, SemanticTokensResult, TextDocumentPositionParams, TextEdit,
    WorkspaceEdit, WorkspaceSymbolParams, WorkspaceSymbolResponse,
};
use tower_lsp_server::ls_types::{
    DidChangeConfigurationParams, DidChangeTextDocumentParams, DidChangeWatchedFilesParams,
    DidChangeWorkspaceFoldersParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DocumentDiagnosticParams, DocumentDiagnosticReportResult, InitializeParams, InitializeResult,
    InitializedParams, MessageType, Uri,
};
use tower_lsp_server::{Client, LanguageServer};

use crate::base::FileId;
use crate::lsp::capabilities::ClientSupport;
use crate::lsp::handlers::{
    call_hierarchy, code_actions, code_lens, completion, folding_selection, formatting, hover,
    inlay_hints, navigation, rename, semantic_tokens, symbols,
};
use crate::lsp::handlers::{configuration, diagnostics, lifecycle, text_sync, workspace};
use crate::lsp::isolation::isolated;
use crate::lsp::snapshot::Snapshot;
use crate::lsp::store::Store;
use crate::lsp::worker::{self, Analyses};
use crate::workspace::Settings;

/// A handle on the server, cheap to clone into the tasks it spawns.
#[derive(Clone, Debug)]
pub struct Server {
    client: Client,
    state: Arc<State>,
}

#[derive(Debug)]
struct State {
    store: Mutex<Store>,
    analyses: Analyses,
    support: OnceLock<ClientSupport>,
    worker: Once,
    /// Messages from before the client could be told (during `initialize`).
    deferred_messages: Mutex<Vec<String>>,
    shut_down: AtomicBool,
}

impl Server {
    pub(crate) fn new(client: Client, command_line: Settings) -> Server {
        let state = State {
            store: Mutex::new(Store::new(command_line)),
            analyses: Analyses::new(),
            support: OnceLock::new(),
            worker: Once::new(),
            deferred_messages: Mutex::new(Vec::new()),
            shut_down: AtomicBool::new(false),
        };
        Server {
            client,
            state: Arc::new(state),
        }
    }

    pub(crate) fn client(&self) -> &Client {
        &self.client
    }

    /// The store, locked. Never held across an `.await`: handlers that
    /// change documents take it before their first one, which is what keeps
    /// the changes in the order the client sent them (see `text_sync`).
    pub(crate) fn store(&self) -> MutexGuard<'_, Store> {
        lock(&self.state.store)
    }

    pub(crate) fn analyses(&self) -> &Analyses {
        &self.state.analyses
    }

    pub(crate) fn support(&self) -> ClientSupport {
        self.state.support.get().copied().unwrap_or_default()
    }

    pub(crate) fn set_support(&self, support: ClientSupport) {
        // A second `initialize` is refused before it reaches the handler.
        let _ = self.state.support.set(support);
    }

    /// Starts the analysis worker, once.
    pub(crate) fn start_worker(&self) {
        self.state.worker.call_once(|| {
            tokio::spawn(worker::run(self.clone()));
        });
    }

    /// Asks for the store to be analysed again after a change.
    pub(crate) fn changed(&self) {
        self.state.analyses.request();
    }

    /// Logs to the client without waiting in the caller.
    pub(crate) fn log(&self, kind: MessageType, message: String) {
        let client = self.client.clone();
        tokio::spawn(async move { client.log_message(kind, message).await });
    }

    pub(crate) fn defer_message(&self, message: String) {
        lock(&self.state.deferred_messages).push(message);
    }

    pub(crate) fn take_deferred_messages(&self) -> Vec<String> {
        std::mem::take(&mut *lock(&self.state.deferred_messages))
    }

    pub(crate) fn set_shut_down(&self) {
        self.state.shut_down.store(true, Ordering::SeqCst);
    }

    /// Whether the client asked for a shutdown before the connection ended.
    pub(crate) fn was_shut_down(&self) -> bool {
        self.state.shut_down.load(Ordering::SeqCst)
    }

    /// The analysis of the workspace as of now: it waits for the worker to
    /// catch up with the changes that came before this call. An error when
    /// that analysis failed: an older one could answer for text that is no
    /// longer there.
    pub async fn snapshot(&self) -> Result<Arc<Snapshot>> {
        let generation = self.store().generation();
        // Nothing may have asked for an analysis yet (a request before
        // `initialized`); an analysis already made is not made again.
        self.changed();
        let latest = self.state.analyses.at_least(generation).await;
        latest
            .snapshot
            .filter(|snapshot| snapshot.generation >= generation)
            .ok_or_else(|| {
                internal_error("the workspace could not be analysed; see the log".to_string())
            })
    }

    /// Runs a feature on the current snapshot for the document `uri` names,
    /// on the blocking pool. An unknown document is an invalid parameter;
    /// otherwise as `on_workspace`.
    pub async fn on_document<R, F>(&self, method: &'static str, uri: &Uri, feature: F) -> Result<R>
    where
        R: Send + 'static,
        F: FnOnce(&Snapshot, FileId) -> R + Send + 'static,
    {
        let snapshot = self.snapshot().await?;
        let file = snapshot.file_id(uri).ok_or_else(|| unknown_document(uri))?;
        self.isolate(method, move || feature(&snapshot, file)).await
    }

    /// Runs a feature on the current snapshot of the whole workspace, on the
    /// blocking pool. A panic in the feature is answered with an internal
    /// error and logged, and the server goes on.
    pub async fn on_workspace<R, F>(&self, method: &'static str, feature: F) -> Result<R>
    where
        R: Send + 'static,
        F: FnOnce(&Snapshot) -> R + Send + 'static,
    {
        let snapshot = self.snapshot().await?;
        self.isolate(method, move || feature(&snapshot)).await
    }

    async fn isolate<R, F>(&self, method: &'static str, job: F) -> Result<R>
    where
        R: Send + 'static,
        F: FnOnce() -> R + Send + 'static,
    {
        isolated(job).await.map_err(|panic| {
            let message = format!("{method} failed: {panic}");
            self.log(MessageType::ERROR, message.clone());
            internal_error(message)
        })
    }
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    // A panic while the lock was held cannot leave the store half-changed
    // in a way that matters more than stopping would: carry on.
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

pub(crate) fn unknown_document(uri: &Uri) -> Error {
    Error::invalid_params(format!("unknown document: {}", uri.as_str()))
}

fn internal_error(message: String) -> Error {
    Error {
        code: ErrorCode::InternalError,
        message: message.into(),
        data: None,
    }
}

impl LanguageServer for Server {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        lifecycle::initialize(self, params).await
    }

    async fn initialized(&self, _: InitializedParams) {
        lifecycle::initialized(self).await;
    }

    async fn shutdown(&self) -> Result<()> {
        self.set_shut_down();
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        text_sync::did_open(self, params);
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        text_sync::did_change(self, params);
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        text_sync::did_close(self, params);
    }

    async fn did_change_configuration(&self, params: DidChangeConfigurationParams) {
        configuration::did_change_configuration(self, params);
    }

    async fn did_change_workspace_folders(&self, params: DidChangeWorkspaceFoldersParams) {
        workspace::did_change_workspace_folders(self, params).await;
    }

    async fn did_change_watched_files(&self, params: DidChangeWatchedFilesParams) {
        workspace::did_change_watched_files(self, params);
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        diagnostics::document_diagnostic(self, params).await
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        hover::hover(self, params).await
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        completion::completion(self, params).await
    }

    async fn goto_definition(
        &self,
        params: GotoDefinitionParams,
    ) -> Result<Option<GotoDefinitionResponse>> {
        navigation::definition(self, params).await
    }

    async fn goto_declaration(
        &self,
        params: GotoDeclarationParams,
    ) -> Result<Option<GotoDeclarationResponse>> {
        navigation::declaration(self, params).await
    }

    async fn references(&self, params: ReferenceParams) -> Result<Option<Vec<Location>>> {
        navigation::references(self, params).await
    }

    async fn document_highlight(
        &self,
        params: DocumentHighlightParams,
    ) -> Result<Option<Vec<DocumentHighlight>>> {
        navigation::highlight(self, params).await
    }

    async fn prepare_rename(
        &self,
        params: TextDocumentPositionParams,
    ) -> Result<Option<PrepareRenameResponse>> {
        rename::prepare_rename(self, params).await
    }

    async fn rename(&self, params: RenameParams) -> Result<Option<WorkspaceEdit>> {
        rename::rename(self, params).await
    }

    async fn document_symbol(
        &self,
        params: DocumentSymbolParams,
    ) -> Result<Option<DocumentSymbolResponse>> {
        symbols::document_symbols(self, params).await
    }

    async fn symbol(
        &self,
        params: WorkspaceSymbolParams,
    ) -> Result<Option<WorkspaceSymbolResponse>> {
        symbols::workspace_symbols(self, params).await
    }

    async fn semantic_tokens_full(
        &self,
        params: SemanticTokensParams,
    ) -> Result<Option<SemanticTokensResult>> {
        semantic_tokens::full(self, params).await
    }

    async fn semantic_tokens_range(
        &self,
        params: SemanticTokensRangeParams,
    ) -> Result<Option<SemanticTokensRangeResult>> {
        semantic_tokens::range(self, params).await
    }

    async fn formatting(&self, params: DocumentFormattingParams) -> Result<Option<Vec<TextEdit>>> {
        formatting::format(self, params).await
    }

    async fn range_formatting(
        &self,
        params: DocumentRangeFormattingParams,
    ) -> Result<Option<Vec<TextEdit>>> {
        formatting::format_range(self, params).await
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        code_actions::code_actions(self, params).await
    }

    async fn inlay_hint(&self, params: InlayHintParams) -> Result<Option<Vec<InlayHint>>> {
        inlay_hints::inlay_hints(self, params).await
    }

    async fn code_lens(&self, params: CodeLensParams) -> Result<Option<Vec<CodeLens>>> {
        code_lens::code_lenses(self, params).await
    }

    async fn folding_range(&self, params: FoldingRangeParams) -> Result<Option<Vec<FoldingRange>>> {
        folding_selection::folding_ranges(self, params).await
    }

    async fn selection_range(
        &self,
        params: SelectionRangeParams,
    ) -> Result<Option<Vec<SelectionRange>>> {
        folding_selection::selection_ranges(self, params).await
    }

    async fn prepare_call_hierarchy(
        &self,
        params: CallHierarchyPrepareParams,
    ) -> Result<Option<Vec<CallHierarchyItem>>> {
        call_hierarchy::prepare(self, params).await
    }

    async fn incoming_calls(
        &self,
        params: CallHierarchyIncomingCallsParams,
    ) -> Result<Option<Vec<CallHierarchyIncomingCall>>> {
        call_hierarchy::incoming(self, params).await
    }

    async fn outgoing_calls(
        &self,
        params: CallHierarchyOutgoingCallsParams,
    ) -> Result<Option<Vec<CallHierarchyOutgoingCall>>> {
        call_hierarchy::outgoing(self, params).await
    }
}
