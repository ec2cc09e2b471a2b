//! Supervision of named places, read from a verified register: where each place stands with
//! its annual reports, year by year, on a day the caller gives (the rules read no clock), and
//! the public list of current and delisted demonstration places as a [`Table`], so that the
//! CLI and the page print and export it alike.

use crate::annual::{Date, Deadline, Standing, deadlines};
use crate::problem::{Code, Lang, Problem};
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

/// One of a government's own entries in a register, as its annual report page keeps it: what
/// it was named as, when and by which decision, and whether it has been delisted since.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnNaming {
    /// The entry.
    pub entry: EntryRef,
    /// The place, as named.
    pub name: String,
    /// The single-item category's title (empty for comprehensive).
    pub category: String,
    /// The single-item project's title (empty for comprehensive).
    pub title: String,
    /// The naming decision's document number.
    pub document_number: String,
    /// The day it was named.
    pub named_on: Date,
    /// The day it was delisted, if it was.
    pub delisted_on: Option<Date>,
}

impl OwnNaming {
    /// `综合示范` / `单项示范「…」`, and the English.
    pub fn kind_label(&self, lang: Lang) -> String {
        match self.entry.kind {
            KindKey::Comprehensive => self.entry.kind.label(lang).into(),
            KindKey::SingleItem => match lang {
                Lang::Zh => format!("{}「{}」", self.entry.kind.label(lang), self.title),
                Lang::En => format!("{} “{}”", self.entry.kind.label(lang), self.title),
            },
        }
    }
}

/// Every entry of the government `division_code` in the register, in naming order.
pub fn own_namings(verified: &VerifiedRegister, division_code: &str) -> Vec<OwnNaming> {
    let register = &verified.register;
    register
        .named()
        .filter(|e| e.place.division_code == division_code)
        .filter_map(|entry| {
            let key = EntryRef::of(entry);
            let (event, naming) = register.naming_of(&key)?;
            Some(OwnNaming {
                name: entry.place.name.clone(),
                category: category_title(verified, entry),
                title: entry.title.clone(),
                document_number: naming.document_number.clone(),
                named_on: Date::parse(&event.date)?,
                delisted_on: register
                    .delisting_of(&key)
                    .and_then(|(e, _)| Date::parse(&e.date)),
                entry: key,
            })
        })
        .collect()
}

/// Why a register does not serve the government `division_code` (no government chosen yet:
/// an empty or unknown code), for a government whose [`own_namings`] came back empty.
pub fn not_named_problem(verified: &VerifiedRegister, division_code: &str) -> Problem {
    let province = &verified.register.province.name;
    match crate::division::lookup(division_code).map(|p| p.display_name()) {
        Ok(name) => Problem::new(
            Code::InvalidRegister,
            format!("这份{province}命名名册中没有{name}。请确认所选单位，或载入命名该单位的名册。"),
            format!(
                "This register of {province} does not name {name}. Check the government chosen, or load the register that names it."
            ),
        ),
        Err(_) => Problem::new(
            Code::InvalidRegister,
            "请先选择本级政府，再载入命名名册。",
            "Choose your government first, then load the register.",
        ),
    }
}

/// What a named place is reminded of on a day: the report year due and each of its deadlines
/// with the days left (or how late it is).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// The year the report is on.
    pub year: u16,
    /// Each deadline of that report and where `today` stands against it, earliest first.
    pub deadlines: Vec<(Deadline, Standing)>,
    /// Whether `today` is in the reporting season (from 1 January to the publication's last
    /// day): the page shows the reminder prominently then.
    pub in_season: bool,
}

/// The reminder of `naming` on `today`: the report on the year before `today`'s while its
/// season runs (1 January to 31 March), else the next report (on `today`'s year). `None` for a
/// place delisted by then, or for a year before the one it was named in. A national
/// demonstration place also has the end of January, through the province.
pub fn reminder(naming: &OwnNaming, today: Date, national: bool) -> Option<Reminder> {
    if naming.delisted_on.is_some_and(|d| d.days() <= today.days()) {
        return None;
    }
    let last_year = u16::try_from(today.year - 1).ok()?;
    let publication = |year: u16| deadlines(year, false).last().map(|d| d.last_day);
    let in_season = publication(last_year).is_some_and(|last| today.days() <= last.days())
        && i32::from(last_year) >= naming.named_on.year;
    let year = if in_season {
        last_year
    } else {
        u16::try_from(today.year).ok()?
    };
    if i32::from(year) < naming.named_on.year {
        return None;
    }
    Some(Reminder {
        year,
        deadlines: deadlines(year, national)
            .into_iter()
            .map(|d| (d, Standing::of(today, d.last_day)))
            .collect(),
        in_season,
    })
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

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::register::read_register;

    fn supervised() -> VerifiedRegister {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../tests/fixtures/province/supervised-register.json"
        );
        read_register(&std::fs::read(path).unwrap()).unwrap()
    }

    fn day(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn a_government_finds_its_own_entries_and_their_delisting() {
        let register = supervised();
        let named = own_namings(&register, "140181");
        assert_eq!(named.len(), 1);
        assert_eq!(named[0].named_on, day("2021-09-10"));
        assert_eq!(named[0].delisted_on, None);
        assert!(!named[0].document_number.is_empty());
        let delisted = own_namings(&register, "140224");
        assert_eq!(delisted[0].delisted_on, Some(day("2022-09-01")));
        let single = own_namings(&register, "140200");
        assert_eq!(single[0].entry.kind, KindKey::SingleItem);
        assert!(single[0].kind_label(Lang::Zh).contains(&single[0].title));
        assert!(own_namings(&register, "140105").is_empty());
    }

    /// `today`, named on, delisted on, national → (year, in season, each deadline's standing).
    fn check(
        today: &str,
        named: &str,
        delisted: Option<&str>,
        national: bool,
        expect: Option<(u16, bool, &[Standing])>,
    ) {
        let naming = OwnNaming {
            entry: EntryRef {
                kind: KindKey::Comprehensive,
                division_code: "140181".into(),
                category: String::new(),
            },
            name: "太原市古交市".into(),
            category: String::new(),
            title: String::new(),
            document_number: "晋法治办〔2021〕1号".into(),
            named_on: day(named),
            delisted_on: delisted.map(day),
        };
        let got = reminder(&naming, day(today), national).map(|r| {
            let standings: Vec<Standing> = r.deadlines.iter().map(|(_, s)| *s).collect();
            (r.year, r.in_season, standings)
        });
        let want = expect.map(|(y, s, d)| (y, s, d.to_vec()));
        assert_eq!(got, want, "on {today}, named {named}");
    }

    #[test]
    fn the_reminder_follows_the_reporting_season() {
        use Standing::{DaysLeft, Late};
        // In the season: the year before, with the days left to 31 March.
        check(
            "2023-01-01",
            "2021-09-10",
            None,
            false,
            Some((2022, true, &[DaysLeft(89)])),
        );
        check(
            "2023-03-31",
            "2021-09-10",
            None,
            false,
            Some((2022, true, &[DaysLeft(0)])),
        );
        // After it: the next report, on this year.
        check(
            "2023-04-01",
            "2021-09-10",
            None,
            false,
            Some((2023, false, &[DaysLeft(365)])),
        );
        check(
            "2026-12-02",
            "2021-09-10",
            None,
            false,
            Some((2026, false, &[DaysLeft(119)])),
        );
        // A national place also reports through the province by the end of January.
        check(
            "2023-02-01",
            "2021-09-10",
            None,
            true,
            Some((2022, true, &[Late(1), DaysLeft(58)])),
        );
        // Named in 2021: its first report is on 2021, due in 2022; none on 2020.
        check(
            "2021-02-01",
            "2021-09-10",
            None,
            false,
            Some((2021, false, &[DaysLeft(423)])),
        );
        check(
            "2022-02-01",
            "2021-09-10",
            None,
            false,
            Some((2021, true, &[DaysLeft(58)])),
        );
        // Delisted: nothing to remind of from that day.
        check(
            "2022-08-31",
            "2021-09-10",
            Some("2022-09-01"),
            false,
            Some((2022, false, &[DaysLeft(212)])),
        );
        check("2022-09-01", "2021-09-10", Some("2022-09-01"), false, None);
    }
}
