//! The boundary around work that may panic (a feature, the analysis): it
//! runs on the blocking pool, off the tasks that read and write the
//! connection, and a panic inside it comes back as an error message
//! instead of taking the server down.

use std::any::Any;

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
}
