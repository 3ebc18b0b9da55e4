//! The `pgm` command line.
