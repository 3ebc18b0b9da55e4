//! Whether the memory this process touches from now on may be backed by
//! transparent huge pages (2 MB pages, where the system allows them).
//!
//! Huge pages spare the kernel most of its page faults, but round what each
//! thread's allocator touches up to 2 MB. The language server lives long and
//! keeps its model, so it never takes them. A command takes them only for a
//! workspace whose model is large enough that the rounding is a small part
//! of it and the faults saved are worth seconds rather than milliseconds.

/// Bytes of source from which a command keeps huge pages: a model of some
/// 150 MB, against the 20 to 30 MB the rounding adds.
pub const KEPT_FROM_BYTES: usize = 16 << 20;

/// Whether a command over `source_bytes` of source keeps huge pages.
pub fn kept_for(source_bytes: usize) -> bool {
    source_bytes >= KEPT_FROM_BYTES
}

/// New memory of this process comes in small pages from now on.
#[cfg(target_os = "linux")]
pub fn refuse() {
    // SAFETY: PR_SET_THP_DISABLE reads no memory; it sets a flag of this
    // process that the kernel consults whenever it backs a page.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

#[cfg(not(target_os = "linux"))]
pub fn refuse() {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_large_workspace_keeps_huge_pages() {
        // 10,000 generated projects are 2.3 MB of source, 100,000 are 23 MB.
        assert!(!kept_for(2_268_533));
        assert!(!kept_for(KEPT_FROM_BYTES - 1));
        assert!(kept_for(KEPT_FROM_BYTES));
        assert!(kept_for(23_433_627));
    }

    /// The kernel says in `THP_enabled` whether the process may get huge pages.
    #[cfg(target_os = "linux")]
    #[test]
    fn refusing_huge_pages_is_what_the_kernel_then_reports() {
        refuse();
        let status = std::fs::read_to_string("/proc/self/status").expect("status is readable");
        let enabled = status
            .lines()
            .find_map(|line| line.strip_prefix("THP_enabled:"))
            .map(str::trim);
        assert_eq!(enabled, Some("0"), "{status}");
    }
}
