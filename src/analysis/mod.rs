//! Pure analyses over the model: the dependency graph, the schedule,
//! resource loads, and every check, each in its own file.
