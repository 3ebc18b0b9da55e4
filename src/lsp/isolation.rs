//! The boundary around work that may panic (a feature, the analysis): it
//! runs off the tasks that read and write the connection, and a panic
//! inside it comes back as an error message instead of taking the server
//! down.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};

use tokio::sync::oneshot;

/// Runs `job` on the blocking pool; a panic becomes `Err` with its message.
pub(crate) async fn isolated<R, F>(job: F) -> Result<R, String>
where
    R: Send + 'static,
    F: FnOnce() -> R + Send + 'static,
{
    tokio::task::spawn_blocking(job).await.map_err(|error| {
        if error.is_panic() {
            panic_message(error.into_panic())
        } else {
            "the work was cancelled".to_string()
        }
    })
}

/// Runs `job` on rayon's pool, where the analysis does its parallel parts,
/// so that each of them starts on the pool's threads at once rather than
/// being handed over to them from outside; a panic becomes `Err` with its
/// message. What `job` leaves behind when it panics is dropped with it.
pub(crate) async fn isolated_in_pool<R, F>(job: F) -> Result<R, String>
where
    R: Send + 'static,
    F: FnOnce() -> R + Send + 'static,
{
    let (sender, receiver) = oneshot::channel();
    rayon::spawn(move || {
        let outcome = catch_unwind(AssertUnwindSafe(job)).map_err(panic_message);
        // The receiver is gone only when the server is shutting down.
        let _ = sender.send(outcome);
    });
    receiver
        .await
        .unwrap_or_else(|_| Err("the work was cancelled".to_string()))
}

fn panic_message(payload: Box<dyn Any + Send>) -> String {
    if let Some(message) = payload.downcast_ref::<&str>() {
        return (*message).to_string();
    }
    match payload.downcast::<String>() {
        Ok(message) => *message,
        Err(_) => "a panic without a message".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_panic_becomes_an_error_with_its_message() {
        let outcome = isolated(|| -> u32 { panic!("feature broke on {}", 42) }).await;
        assert_eq!(outcome, Err("feature broke on 42".to_string()));
    }

    #[tokio::test]
    async fn a_result_comes_back() {
        assert_eq!(isolated(|| 6 * 7).await, Ok(42));
    }

    #[tokio::test]
    async fn in_the_pool_too_a_panic_becomes_an_error_and_a_result_comes_back() {
        let outcome = isolated_in_pool(|| -> u32 { panic!("analysis broke on {}", 42) }).await;
        assert_eq!(outcome, Err("analysis broke on 42".to_string()));
        assert_eq!(isolated_in_pool(|| 6 * 7).await, Ok(42));
    }
}
