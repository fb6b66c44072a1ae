//! The table identities (勾稽关系) of the official formats, declared once as
//! data over the template's row and column keys. `checks` evaluates them on a
//! report's values; `read` uses the same declarations to split digits that a
//! crawler glued together. [`Identity::instances`] lays one over a table.

use super::{TableDef, TableKind, TemplateId};

/// Which cells an identity relates, as keys of the template's rows or columns.
#[derive(Clone, Copy, Debug)]
pub enum Keys {
    List(&'static [&'static str]),
    /// The rows strictly between two rows, in template order (the result rows
    /// of `requests` differ between the formats).
    Between(&'static str, &'static str),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Relation {
    /// `Σ lhs = Σ rhs`
    Equal,
    /// `Σ lhs ≥ Σ rhs`
    AtLeast,
}

impl Relation {
    /// Whether sums `lhs` and `rhs` satisfy it.
    pub fn holds(self, lhs: i128, rhs: i128) -> bool {
        match self {
            Relation::Equal => lhs == rhs,
            Relation::AtLeast => lhs >= rhs,
        }
    }
}

/// How an identity is laid over the table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Along {
    /// Among the rows named by the keys, once per column (`only` restricts the columns).
    Column,
    /// Among the columns named by the keys, once per row (`only` restricts the rows).
    Row,
}

#[derive(Clone, Copy, Debug)]
pub struct Identity {
    /// The rule that reports it broken.
    pub code: &'static str,
    pub table: TableKind,
    /// The format it belongs to; `None`: both.
    pub template: Option<TemplateId>,
    pub along: Along,
    pub lhs: Keys,
    pub relation: Relation,
    pub rhs: Keys,
    /// The rows (for `Along::Row`) or columns it is checked for; empty: all.
    pub only: &'static [&'static str],
}

/// One instance of an identity in a table: the cells (`(row, col)`) on each side.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Terms {
    /// The row (along a row) or column (along a column) it is about.
    pub at: usize,
    pub lhs: Vec<(usize, usize)>,
    pub rhs: Vec<(usize, usize)>,
}

// Each identity of both formats, named: its rule takes its code from here,
// so a code is written once.

/// 表三 per row: 总计 = the six kinds of applicant.
pub const T3_ROW: Identity = Identity {
    code: "T3-ROW",
    table: TableKind::Requests,
    template: None,
    along: Along::Row,
    lhs: Keys::List(&["total"]),
    relation: Relation::Equal,
    rhs: Keys::List(&["natural", "business", "research", "social", "legal", "other"]),
    only: &[],
};

/// 表三 per column: （七）总计 = the result rows (一)…(六).
pub const T3_SUM: Identity = Identity {
    code: "T3-SUM",
    table: TableKind::Requests,
    template: None,
    along: Along::Column,
    lhs: Keys::List(&["total_processed"]),
    relation: Relation::Equal,
    rhs: Keys::Between("carried_in", "total_processed"),
    only: &[],
};

/// 表三 per column, as printed in its corner: 一 + 二 = 三 + 四.
pub const T3_BAL: Identity = Identity {
    code: "T3-BAL",
    table: TableKind::Requests,
    template: None,
    along: Along::Column,
    lhs: Keys::List(&["new", "carried_in"]),
    relation: Relation::Equal,
    rhs: Keys::List(&["total_processed", "carried_out"]),
    only: &[],
};

/// 表四 per row: 总计 = 维持 + 纠正 + 其他 + 尚未审结.
pub const T4_SUM: Identity = Identity {
    code: "T4-SUM",
    table: TableKind::Review,
    template: None,
    along: Along::Row,
    lhs: Keys::List(&["total"]),
    relation: Relation::Equal,
    rhs: Keys::List(&["upheld", "corrected", "other", "pending"]),
    only: &[],
};

/// 表二 (2021): 现行有效 + 本年废止 ≥ 本年制发.
pub const T2_FLOW: Identity = Identity {
    code: "T2-FLOW",
    table: TableKind::Active,
    template: Some(TemplateId::Y2021),
    along: Along::Row,
    lhs: Keys::List(&["in_force", "repealed"]),
    relation: Relation::AtLeast,
    rhs: Keys::List(&["issued"]),
    only: &["regulations", "normative_docs"],
};

/// 表二 (2019): 对外公开总数 ≥ 本年新公开.
pub const T2_TOTAL: Identity = Identity {
    code: "T2-TOTAL",
    table: TableKind::Active,
    template: Some(TemplateId::Y2019),
    along: Along::Row,
    lhs: Keys::List(&["total_public"]),
    relation: Relation::AtLeast,
    rhs: Keys::List(&["published"]),
    only: &["regulations", "normative_docs"],
};

/// Every identity of both formats, in the order rules.md lists their rules.
pub static IDENTITIES: &[Identity] = &[T3_ROW, T3_SUM, T3_BAL, T4_SUM, T2_FLOW, T2_TOTAL];

fn resolve(keys: Keys, names: &[&'static str]) -> Vec<usize> {
    match keys {
        Keys::List(list) => list.iter().filter_map(|k| names.iter().position(|n| n == k)).collect(),
        Keys::Between(from, to) => {
            let (Some(a), Some(b)) = (names.iter().position(|n| *n == from), names.iter().position(|n| *n == to))
            else {
                return Vec::new();
            };
            (a.min(b) + 1..a.max(b)).collect()
        }
    }
}

/// Every instance of every identity that applies to table `def` of format
/// `template`, with its relation.
pub fn terms(template: TemplateId, def: &TableDef) -> Vec<(Relation, Terms)> {
    IDENTITIES
        .iter()
        .filter(|i| i.applies(template, def))
        .flat_map(|i| i.instances(def).into_iter().map(move |t| (i.relation, t)))
        .collect()
}

impl Identity {
    /// Whether it applies to table `def` of format `template`.
    pub fn applies(&self, template: TemplateId, def: &TableDef) -> bool {
        self.table == def.kind && self.template.is_none_or(|t| t == template)
    }

    /// Its instances in table `def` (which it must apply to).
    pub fn instances(&self, def: &TableDef) -> Vec<Terms> {
        let row_keys: Vec<&'static str> = def.rows.iter().map(|r| r.key).collect();
        let mut out = Vec::new();
        match self.along {
            Along::Column => {
                let (lhs_rows, rhs_rows) = (resolve(self.lhs, &row_keys), resolve(self.rhs, &row_keys));
                let Some(&first) = lhs_rows.first() else { return out };
                for (c, col) in def.rows[first].cols.iter().enumerate() {
                    if !self.only.is_empty() && !self.only.contains(&col.key) {
                        continue;
                    }
                    let lhs = lhs_rows.iter().map(|&r| (r, c)).collect();
                    let rhs = rhs_rows.iter().map(|&r| (r, c)).collect();
                    out.push(Terms { at: c, lhs, rhs });
                }
            }
            Along::Row => {
                for (r, row) in def.rows.iter().enumerate() {
                    if !self.only.is_empty() && !self.only.contains(&row.key) {
                        continue;
                    }
                    let col_keys: Vec<&'static str> = row.cols.iter().map(|c| c.key).collect();
                    let lhs: Vec<_> = resolve(self.lhs, &col_keys).into_iter().map(|c| (r, c)).collect();
                    let rhs: Vec<_> = resolve(self.rhs, &col_keys).into_iter().map(|c| (r, c)).collect();
                    if !lhs.is_empty() && !rhs.is_empty() {
                        out.push(Terms { at: r, lhs, rhs });
                    }
                }
            }
        }
        out
    }
}
