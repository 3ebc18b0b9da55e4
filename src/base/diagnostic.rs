use super::FileSpan;

#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }
}

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $summary:literal;)*) => {
        /// Every diagnostic code, its stable name and its default severity.
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The stable name used in output formats and documentation anchors.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)*
                }
            }

            pub fn severity(self) -> Severity {
                match self {
                    $(Code::$variant => Severity::$severity,)*
                }
            }

            /// One sentence on what the code means, for help texts and hovers.
            pub fn summary(self) -> &'static str {
                match self {
                    $(Code::$variant => $summary,)*
                }
            }

            pub fn from_name(name: &str) -> Option<Code> {
                Code::ALL.iter().copied().find(|code| code.as_str() == name)
            }
        }
    };
}

codes! {
    SyntaxError = "syntax-error", Error, "Text that does not parse.";
    UnknownProperty = "unknown-property", Error, "A property key that the item does not take.";
    InvalidValue = "invalid-value", Error, "A value of the wrong type or out of range.";
    MissingProperty = "missing-property", Error, "A property the item needs is absent.";
    DuplicateDefinition = "duplicate-definition", Error, "Two definitions with one name in one scope.";
    DuplicateProperty = "duplicate-property", Error, "A property given twice in one item.";
    UnresolvedReference = "unresolved-reference", Error, "A name that resolves to nothing.";
    WrongKind = "wrong-kind", Error, "A reference to an item of the wrong kind.";
    DependencyCycle = "dependency-cycle", Error, "Items that depend on each other in a circle.";
    DateConflict = "date-conflict", Error, "Dates that cannot all hold.";
    DeadlineMissed = "deadline-missed", Warning, "A computed date after the date it is due.";
    OutsideWindow = "outside-window", Warning, "A project scheduled outside its program's window.";
    OverAllocation = "over-allocation", Warning, "A person or team allocated beyond capacity.";
    StatusConflict = "status-conflict", Warning, "A status that contradicts the status of a dependency.";
    ProgressMismatch = "progress-mismatch", Warning, "A progress figure that contradicts the status.";
    Overdue = "overdue", Warning, "Work not done whose computed finish has passed.";
    UnmitigatedRisk = "unmitigated-risk", Warning, "A high-exposure open risk without mitigation.";
    MissingOwner = "missing-owner", Info, "A program, project or risk without an owner.";
    UnusedDefinition = "unused-definition", Hint, "A person or team that nothing references.";
}

/// Another place that matters to a diagnostic, with what it has to do with it.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Related {
    pub at: FileSpan,
    pub message: String,
}

#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Diagnostic {
    pub code: Code,
    pub severity: Severity,
    pub message: String,
    pub at: FileSpan,
    pub related: Vec<Related>,
    /// A replacement for the text at `at` that would fix the problem, when
    /// there is exactly one sensible one (a near name for a misspelling).
    pub suggestion: Option<String>,
}

impl Diagnostic {
    pub fn new(code: Code, at: FileSpan, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            severity: code.severity(),
            message: message.into(),
            at,
            related: Vec::new(),
            suggestion: None,
        }
    }

    pub fn with_related(mut self, at: FileSpan, message: impl Into<String>) -> Diagnostic {
        self.related.push(Related {
            at,
            message: message.into(),
        });
        self
    }

    pub fn with_suggestion(mut self, replacement: impl Into<String>) -> Diagnostic {
        self.suggestion = Some(replacement.into());
        self
    }

    /// The order in which diagnostics are shown: by file, position, then code.
    pub fn sort_key(&self) -> (FileSpan, Code, &str) {
        (self.at, self.code, &self.message)
    }
}
