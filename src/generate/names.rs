//! Words that make generated titles read like a real portfolio.

pub const AREAS: &[&str] = &[
    "Billing",
    "Identity",
    "Network",
    "Storage",
    "Payments",
    "Search",
    "Logistics",
    "Reporting",
    "Onboarding",
    "Compliance",
    "Analytics",
    "Messaging",
    "Inventory",
    "Pricing",
    "Support",
    "Catalogue",
    "Security",
    "Data platform",
    "Mobile",
    "Partner portal",
];

pub const ACTIONS: &[&str] = &[
    "migration",
    "rebuild",
    "hardening",
    "rollout",
    "consolidation",
    "redesign",
    "automation",
    "upgrade",
    "decommissioning",
    "pilot",
    "integration",
    "audit",
];

pub const FIRST_NAMES: &[&str] = &[
    "Alice", "Bob", "Carol", "Dmitri", "Esther", "Farid", "Grace", "Hiro", "Ines", "Jonas", "Kemi",
    "Luca", "Mei", "Nadia", "Omar", "Priya", "Quinn", "Rosa", "Sven", "Tariq",
];

pub const LAST_NAMES: &[&str] = &[
    "Chen", "Okafor", "Diaz", "Ivanov", "Levi", "Haddad", "Hopper", "Tanaka", "Moreau", "Berg",
    "Adeyemi", "Rossi", "Wang", "Petrova", "Khan", "Sharma", "Walsh", "Garcia", "Nilsson", "Aziz",
];

pub const ROLES: &[&str] = &[
    "Program manager",
    "Engineering lead",
    "Security lead",
    "Product owner",
    "Architect",
    "Delivery manager",
];
