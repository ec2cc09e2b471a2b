//! Supervision of named places, read from a verified register: where each place stands with
//! its annual reports, year by year, on a day the caller gives (the rules read no clock), and
//! the public list of current and delisted demonstration places as a [`Table`], so that the
//! CLI and the page print and export it alike.

use crate::annual::{Date, Standing, deadlines};
use crate::problem::Lang;
use crate::programme::KindKey;
use crate::register::{EntryRef, EventBody, NamedEntry, VerifiedRegister};
use crate::review::{Cell, Table, neutralise_formula};

/// Where one year's annual report of a named entry stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportStanding {
    /// Received on or before the publication deadline.
    OnTime,
    /// Received after the deadline, by this many days.
    Late(u32),
    /// Not received, and the deadline has passed.
    Missing,
    /// Not received yet, and this many days remain (0: today is the last day).
    NotYetDue(u32),
}

impl ReportStanding {
    /// `按时` / `逾期 3 天` / `未报送` / `未到期（还剩 30 天）`, and the English.
    pub fn label(self, lang: Lang) -> String {
        match (self, lang) {
            (ReportStanding::OnTime, Lang::Zh) => "按时报送".into(),
            (ReportStanding::OnTime, Lang::En) => "on time".into(),
            (ReportStanding::Late(n), _) => Standing::Late(n).label(lang),
            (ReportStanding::Missing, Lang::Zh) => "逾期未报送".into(),
            (ReportStanding::Missing, Lang::En) => "missing".into(),
            (ReportStanding::NotYetDue(n), Lang::Zh) => {
                format!("未到期（{}）", Standing::DaysLeft(n).label(lang))
            }
            (ReportStanding::NotYetDue(n), Lang::En) => {
                format!("not yet due ({})", Standing::DaysLeft(n).label(lang))
            }
        }
    }
}

/// One named entry's annual report for one year.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearStanding {
    /// The entry.
    pub entry: EntryRef,
    /// The year reported on.
    pub year: u16,
    /// The last day of its publication deadline.
    pub last_day: Date,
    /// The day it was received, if it was.
    pub received: Option<Date>,
    /// Where it stands.
    pub standing: ReportStanding,
}

/// For every entry named and not delisted, each report year from the year it was named up to
/// the year whose reporting season `today` is in (the year before `today`'s): on time, late by
/// how many days, missing, or not yet due. The deadline is the publication deadline (the
/// register does not say which places are also national demonstration places). Entries in
/// naming order, years oldest first.
pub fn report_standings(verified: &VerifiedRegister, today: Date) -> Vec<YearStanding> {
    let register = &verified.register;
    let mut out = Vec::new();
    for entry in register.current() {
        let key = EntryRef::of(entry);
        let Some(first) = register
            .naming_of(&key)
            .and_then(|(e, _)| Date::parse(&e.date))
        else {
            continue;
        };
        for year in first.year..today.year {
            let Ok(year) = u16::try_from(year) else {
                continue;
            };
            let Some(deadline) = deadlines(year, false).last().copied() else {
                continue;
            };
            let received = register.events.iter().find_map(|e| match &e.body {
                EventBody::ReportReceived(r) if r.entry == key && r.year == year => {
                    Date::parse(&e.date)
                }
                _ => None,
            });
            let standing = match (received, Standing::of(today, deadline.last_day)) {
                (Some(day), _) => match Standing::of(day, deadline.last_day) {
                    Standing::DaysLeft(_) => ReportStanding::OnTime,
                    Standing::Late(n) => ReportStanding::Late(n),
                },
                (None, Standing::DaysLeft(n)) => ReportStanding::NotYetDue(n),
                (None, Standing::Late(_)) => ReportStanding::Missing,
            };
            out.push(YearStanding {
                entry: key.clone(),
                year,
                last_day: deadline.last_day,
                received,
                standing,
            });
        }
    }
    out
}

fn pick(lang: Lang, zh: &str, en: &str) -> String {
    match lang {
        Lang::Zh => zh.into(),
        Lang::En => en.into(),
    }
}

fn category_title(verified: &VerifiedRegister, entry: &NamedEntry) -> String {
    if entry.kind == KindKey::Comprehensive {
        return String::new();
    }
    verified
        .profile
        .data()
        .single_item_categories
        .value
        .iter()
        .find(|c| c.id == entry.category)
        .map_or_else(|| entry.category.clone(), |c| c.title.clone())
}

/// The annual reports' standings as a table: one row per entry and year.
pub fn standings_table(verified: &VerifiedRegister, today: Date, lang: Lang) -> Table {
    let register = &verified.register;
    let headers = vec![
        pick(lang, "申报类型", "Kind"),
        pick(lang, "单位", "Government"),
        pick(lang, "单项类别", "Category"),
        pick(lang, "项目名称", "Project title"),
        pick(lang, "报告年度", "Report year"),
        pick(lang, "公开截止日", "Deadline"),
        pick(lang, "收到日期", "Received"),
        pick(lang, "情况", "Standing"),
    ];
    let rows = report_standings(verified, today)
        .into_iter()
        .filter_map(|s| {
            let entry = register.entry(&s.entry)?;
            Some(vec![
                Cell::Text(entry.kind.label(lang).into()),
                Cell::Text(entry.place.name.clone()),
                Cell::Text(category_title(verified, entry)),
                Cell::Text(entry.title.clone()),
                Cell::Count(u64::from(s.year)),
                Cell::Text(s.last_day.iso()),
                Cell::Text(s.received.map(Date::iso).unwrap_or_default()),
                Cell::Text(s.standing.label(lang)),
            ])
        })
        .collect();
    Table {
        headers,
        rows,
        lang,
        sheet: pick(lang, "年度报告情况", "Annual reports"),
        stem: format!(
            "{}-{}-{}",
            neutralise_formula(&register.province.name),
            neutralise_formula(&register.round.title),
            pick(lang, "年度报告情况", "annual-reports")
        ),
    }
}

/// The public list of demonstration places for the media: the current ones (named, not
/// delisted), then the delisted ones with the ground (the profile's label in `lang`), the
/// decision's document number and date; each group in naming order.
pub fn public_list(verified: &VerifiedRegister, lang: Lang) -> Table {
    let register = &verified.register;
    let headers = vec![
        pick(lang, "序号", "No."),
        pick(lang, "状态", "Status"),
        pick(lang, "申报类型", "Kind"),
        pick(lang, "单位", "Government"),
        pick(lang, "单项类别", "Category"),
        pick(lang, "项目名称", "Project title"),
        pick(lang, "命名文号", "Naming decision"),
        pick(lang, "命名日期", "Named on"),
        pick(lang, "摘牌情形", "Delisting ground"),
        pick(lang, "摘牌文号", "Delisting decision"),
        pick(lang, "摘牌日期", "Delisted on"),
    ];
    let grounds = &verified.profile.data().delisting_grounds.value;
    let mut current = Vec::new();
    let mut delisted = Vec::new();
    for entry in register.named() {
        let key = EntryRef::of(entry);
        let (named_on, number) = register
            .naming_of(&key)
            .map(|(e, n)| (e.date.clone(), n.document_number.clone()))
            .unwrap_or_default();
        let mut row = vec![
            Cell::Text(String::new()),
            Cell::Text(entry.kind.label(lang).into()),
            Cell::Text(entry.place.name.clone()),
            Cell::Text(category_title(verified, entry)),
            Cell::Text(entry.title.clone()),
            Cell::Text(number),
            Cell::Text(named_on),
        ];
        match register.delisting_of(&key) {
            None => {
                row[0] = Cell::Text(pick(lang, "现为示范", "current"));
                row.extend([0, 1, 2].map(|_| Cell::Text(String::new())));
                current.push(row);
            }
            Some((e, d)) => {
                let ground = grounds.iter().find(|g| g.id == d.ground).map_or_else(
                    || d.ground.clone(),
                    |g| match lang {
                        Lang::Zh => g.title_zh.clone(),
                        Lang::En => g.title_en.clone(),
                    },
                );
                row[0] = Cell::Text(pick(lang, "已摘牌", "delisted"));
                row.extend([
                    Cell::Text(ground),
                    Cell::Text(d.document_number.clone()),
                    Cell::Text(e.date.clone()),
                ]);
                delisted.push(row);
            }
        }
    }
    let rows = current
        .into_iter()
        .chain(delisted)
        .enumerate()
        .map(|(i, row)| {
            let mut full = vec![Cell::Count(i as u64 + 1)];
            full.extend(row);
            full
        })
        .collect();
    Table {
        headers,
        rows,
        lang,
        sheet: pick(lang, "示范名单", "Public list"),
        stem: format!(
            "{}-{}-{}",
            neutralise_formula(&register.province.name),
            neutralise_formula(&register.round.title),
            pick(lang, "示范名单", "public-list")
        ),
    }
}
