//! `workspace/didChangeWatchedFiles` and `workspace/didChangeWorkspaceFolders`.

use tower_lsp_server::ls_types::{
    DidChangeWatchedFilesParams, DidChangeWorkspaceFoldersParams, FileChangeType, MessageType,
};

use super::read_or_warn;
use crate::lsp::disk;
use crate::lsp::isolation::isolated;
use crate::lsp::server::Server;
use crate::lsp::uri;
use crate::workspace::SETTINGS_FILE_NAME;

/// Takes each change on disk in the order given. The files are read here,
/// before anything else can run, for the same reason the edits of open
/// documents are applied at once (see `text_sync`): a later event about a
/// file must not be overtaken by an earlier one.
pub(crate) fn did_change_watched_files(server: &Server, params: DidChangeWatchedFilesParams) {
    let mut settings_changed = false;
    for event in params.changes {
        let uri = uri::normalize(&event.uri);
        let Some(path) = uri::file_path(&uri) else {
            continue;
        };
        if path
            .file_name()
            .is_some_and(|name| name == SETTINGS_FILE_NAME)
        {
            settings_changed = true;
            continue;
        }
        if !uri::is_source(&path) || !server.store().in_workspace(&path) {
            continue;
        }
        let text = if event.typ == FileChangeType::DELETED {
            None
        } else {
            read_or_warn(server, &path)
        };
        let mut store = server.store();
        match text {
            Some(text) => store.set_disk(uri, text),
            None => store.remove_disk(&uri),
        }
    }
    if settings_changed {
        let folders = server.store().folders().to_vec();
        let (settings, problem) = disk::settings(&folders);
        server.store().set_file_settings(settings);
        if let Some(problem) = problem {
            server.log(MessageType::WARNING, problem);
        }
    }
    server.changed();
}

/// Forgets the files of removed folders at once, then loads those of added
/// folders off the connection's tasks.
pub(crate) async fn did_change_workspace_folders(
    server: &Server,
    params: DidChangeWorkspaceFoldersParams,
) {
    let removed = uri::folder_paths(&params.event.removed);
    let added = uri::folder_paths(&params.event.added);
    let folders = {
        let mut store = server.store();
        let mut folders = store.folders().to_vec();
        folders.retain(|folder| !removed.contains(folder));
        for folder in &added {
            if !folders.contains(folder) {
                folders.push(folder.clone());
            }
        }
        store.set_folders(folders.clone());
        folders
    };
    server.changed();

    let loaded = match isolated(move || disk::load(&added, &folders)).await {
        Ok(loaded) => loaded,
        Err(panic) => {
            let message = format!("the new workspace folders could not be read: {panic}");
            server.log(MessageType::ERROR, message);
            return;
        }
    };
    {
        let mut store = server.store();
        for (uri, text) in loaded.files {
            // A folder removed again while this one loaded keeps its files out.
            let kept = uri::file_path(&uri).is_some_and(|path| store.in_workspace(&path));
            if kept {
                store.set_disk(uri, text);
            }
        }
        store.set_file_settings(loaded.settings);
    }
    for problem in loaded.problems {
        server.log(MessageType::WARNING, problem);
    }
    server.changed();
}
