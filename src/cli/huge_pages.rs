//! Whether the memory this process touches from now on may be backed by
//! transparent huge pages (2 MB pages, where the system allows them).
//!
//! pgm never takes them. They round what each thread's allocator touches up
//! to 2 MB, which is most of the memory of a small workspace, and the
//! language server lives long and keeps its model. On a large workspace
//! they save page faults while the kernel has 2 MB pages to spare, and cost
//! more than they save once it has not: `pgm check` of 100,000 projects
//! took 0.24–0.30 s with them against 0.32–0.34 s without, of a million
//! projects 4.6–7.1 s against 3.7–4.1 s (docs/performance.md).

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
