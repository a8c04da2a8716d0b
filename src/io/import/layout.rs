//! Finding the table in a sheet as offices lay it out: a merged title row, a note row (填报说明)
//! and blank rows above the header; a header on two rows (a group over its columns); and below
//! the data, totals (合计, 小计, 共30项) and footers (填表人, 审核人, 注：) that are not records.

use super::fields::{ImportKind, Reading, clear_target_of, reading};
use crate::io::read::Row;

/// How many rows at the top of a sheet are looked at for the header.
pub const HEADER_SEARCH_ROWS: usize = 30;

/// Where the table's header is, and the column names read from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layout {
    /// The position of the header row among the rows looked at.
    pub header: usize,
    /// The header goes on in the row below it (a group above, its columns below).
    pub two_rows: bool,
    pub headers: Vec<String>,
}

impl Layout {
    /// How many of the rows looked at belong to the header or come before it.
    pub fn rows_before_data(&self) -> usize {
        self.header + 1 + usize::from(self.two_rows)
    }
}

/// Why a row below the header is not a record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SkipReason {
    /// 合计, 总计, 小计, "共30项".
    Total,
    /// 填表人, 审核人, 填报日期, 制表.
    Footer,
    /// 注：, 说明：, 备注：.
    Note,
    /// The header again (lists printed on several pages repeat it).
    RepeatedHeader,
    /// The columns' numbers or letters under the header (栏次: 甲 乙 丙…, 1 2 3…, A B C…).
    IndexRow,
}

fn distinct_filled(cells: &[String]) -> Vec<&str> {
    let mut seen: Vec<&str> = Vec::new();
    for c in cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty()) {
        if !seen.contains(&c) {
            seen.push(c);
        }
    }
    seen
}

/// How much a row looks like this kind's header: the fields its cells name, then how many
/// different texts it has (a title merged over every column is one text).
fn header_score(kind: ImportKind, cells: &[String]) -> (usize, usize) {
    let distinct = distinct_filled(cells);
    let mut fields = Vec::new();
    for cell in &distinct {
        if let Some(t) = clear_target_of(kind, cell)
            && !fields.contains(&t)
        {
            fields.push(t);
        }
    }
    (fields.len(), distinct.len())
}

/// The header row among the first rows of a sheet: the one naming the most fields of `kind`;
/// when none names any, the first row with about as many filled cells as the widest row (a
/// title or a note above the header has one).
pub fn find_header(kind: ImportKind, rows: &[Row]) -> usize {
    let scores: Vec<(usize, usize)> = rows
        .iter()
        .take(HEADER_SEARCH_ROWS)
        .map(|r| header_score(kind, &r.cells))
        .collect();
    let best = scores
        .iter()
        .enumerate()
        .filter(|(_, (fields, distinct))| *fields > 0 && *distinct > 1)
        .max_by_key(|(i, (fields, _))| (*fields, std::cmp::Reverse(*i)))
        .map(|(i, _)| i);
    best.unwrap_or_else(|| {
        let widest = scores.iter().map(|s| s.1).max().unwrap_or(0);
        scores
            .iter()
            .position(|s| s.1 * 5 >= widest * 3)
            .unwrap_or(0)
    })
}

/// The layout with the header at `header`: with the row below it when that row names the
/// columns of a group above ("联系人" over "姓名" and "电话").
pub fn layout(kind: ImportKind, rows: &[Row], header: usize) -> Layout {
    let Some(top) = rows.get(header) else {
        return Layout {
            header,
            two_rows: false,
            headers: Vec::new(),
        };
    };
    let below = rows
        .get(header + 1)
        .filter(|r| r.number == top.number + 1 && is_second_header_row(&top.cells, &r.cells));
    let headers = match below {
        Some(below) => combine(kind, &top.cells, &below.cells),
        None => top.cells.clone(),
    };
    Layout {
        header,
        two_rows: below.is_some(),
        headers,
    }
}

/// The top row with each empty cell taken as part of the group on its left.
fn groups(top: &[String]) -> Vec<&str> {
    let mut out = Vec::with_capacity(top.len());
    let mut last = "";
    for cell in top {
        if !cell.is_empty() {
            last = cell;
        }
        out.push(last);
    }
    out
}

/// A second header row fills in only the columns of groups: where it differs from the top
/// row, the top row's cell spans more than one column (merged, or empty beside its group).
fn is_second_header_row(top: &[String], below: &[String]) -> bool {
    let groups = groups(top);
    let spans = |col: usize| {
        let g = groups.get(col).copied().unwrap_or("");
        !g.is_empty()
            && (groups.get(col + 1) == Some(&g) || (col > 0 && groups.get(col - 1) == Some(&g)))
    };
    let mut named = 0;
    for (col, cell) in below.iter().enumerate() {
        if cell.is_empty() || top.get(col) == Some(cell) {
            continue;
        }
        if !spans(col) {
            return false;
        }
        named += 1;
    }
    named > 0
}

/// One name per column from two header rows. The column's own name wins when it names a
/// field ("等级(1-9)" under "成熟度", "意向价格" under "交易信息"), unless the group gives it its
/// role ("名称" under "卖方" is the seller); the group's name is taken only when the column's
/// own names nothing.
fn combine(kind: ImportKind, top: &[String], below: &[String]) -> Vec<String> {
    let groups = groups(top);
    let width = top.len().max(below.len());
    (0..width)
        .map(|col| {
            let group = groups.get(col).copied().unwrap_or("");
            let own = below.get(col).map(String::as_str).unwrap_or("");
            if own.is_empty() || own == group {
                return group.to_string();
            }
            if group.is_empty() {
                return own.to_string();
            }
            let joined = format!("{group}{own}");
            let (own_r, joined_r, group_r) = (
                reading(kind, own),
                reading(kind, &joined),
                reading(kind, group),
            );
            let role = joined_r.best().is_some() && joined_r.best() == group_r.best();
            match own_r {
                _ if role && own_r.best() != joined_r.best() => joined,
                Reading::Fields(_) => own.to_string(),
                // A contact's phone under "卖方" is the seller's phone, not the seller.
                Reading::Foreign => joined,
                Reading::Nothing if joined_r.best().is_some() => joined,
                Reading::Nothing if group_r.best().is_some() => group.to_string(),
                Reading::Nothing => joined,
            }
        })
        .collect()
}

/// The position of a column's index in its sequence: 1 2 3…, 甲 乙 丙…, A B C…, 一 二 三…, ①②③.
fn index_value(cell: &str) -> Option<(u8, u32)> {
    const STEMS: &str = "甲乙丙丁戊己庚辛壬癸";
    const NUMERALS: &str = "一二三四五六七八九十";
    let cell = cell.trim().trim_end_matches(['.', '、']);
    if let Ok(n) = cell.parse::<u32>() {
        return Some((0, n));
    }
    let mut chars = cell.chars();
    let (c, rest) = (chars.next()?, chars.next());
    if rest.is_some() {
        return None;
    }
    if c.is_ascii_alphabetic() {
        return Some((1, u32::from(c.to_ascii_uppercase()) - u32::from('A') + 1));
    }
    if let Some(i) = STEMS.chars().position(|s| s == c) {
        return Some((2, i as u32 + 1));
    }
    if let Some(i) = NUMERALS.chars().position(|s| s == c) {
        return Some((3, i as u32 + 1));
    }
    if ('\u{2460}'..='\u{2473}').contains(&c) {
        return Some((4, u32::from(c) - 0x2460 + 1));
    }
    None
}

/// A row that numbers the columns above it: in every filled cell but a label ("栏次", "序号"),
/// one sequence counting up by one, at least three long.
fn is_index_row(cells: &[String]) -> bool {
    // Asked of every row of an import: stops at the first cell out of sequence, copying nothing.
    let mut values = cells
        .iter()
        .map(|c| c.trim())
        .filter(|c| !c.is_empty())
        .map(index_value)
        .peekable();
    if values.peek().is_some_and(Option::is_none) {
        values.next();
    }
    let mut last: Option<(u8, u32)> = None;
    let mut len = 0;
    for value in values {
        let Some((kind, n)) = value else {
            return false;
        };
        if last.is_some_and(|(k, a)| k != kind || n != a + 1) {
            return false;
        }
        last = Some((kind, n));
        len += 1;
    }
    len >= 3
}

/// A sentence merged over the table's width under it (公示期：…。对公示内容有异议的，请…。):
/// a sheet reader gives every cell of the merge its text, and no record holds one sentence in
/// all its filled cells.
fn is_merged_sentence(cells: &[String], first: &str) -> bool {
    let mut filled = cells.iter().map(|c| c.trim()).filter(|c| !c.is_empty());
    let count = filled.clone().count();
    count >= 2
        && filled.all(|c| c == first)
        && (first.contains(['。', '；']) || first.chars().count() > 30)
}

/// Why a row under the header is not a record, if it is not. The first filled cell tells.
pub fn skip_reason(cells: &[String], headers: &[String]) -> Option<SkipReason> {
    if is_index_row(cells) {
        return Some(SkipReason::IndexRow);
    }
    let first = cells.iter().map(|c| c.trim()).find(|c| !c.is_empty())?;
    let compact: String = first.chars().filter(|c| !c.is_whitespace()).collect();
    let bare = compact.trim_end_matches([':', '：']);
    let label = bare.split(['(', '（']).next().unwrap_or(bare);
    if ["合计", "总计", "小计", "累计", "总合计"].contains(&label)
        || ["合计：", "合计:", "总计：", "总计:", "小计：", "小计:"]
            .iter()
            .any(|p| compact.starts_with(p))
        || is_count_line(bare)
    {
        return Some(SkipReason::Total);
    }
    const FOOTERS: &[&str] = &[
        "填表人",
        "填报人",
        "审核人",
        "制表人",
        "制表",
        "负责人签字",
        "单位负责人",
        "填表日期",
        "填报日期",
        "制表日期",
        "审核日期",
        "联系电话：",
        "盖章",
    ];
    if FOOTERS.iter().any(|f| compact.starts_with(f))
        && (compact.contains([':', '：']) || {
            let filled = cells.iter().filter(|c| !c.trim().is_empty()).count();
            filled <= 3
        })
    {
        return Some(SkipReason::Footer);
    }
    const NOTES: &[&str] = &[
        "注：",
        "注:",
        "说明：",
        "说明:",
        "备注：",
        "备注:",
        "填报说明",
        "填表说明",
    ];
    if NOTES.iter().any(|n| compact.starts_with(n))
        || (compact.starts_with('注') && compact[3..].starts_with(|c: char| c.is_ascii_digit()))
    {
        return Some(SkipReason::Note);
    }
    if is_merged_sentence(cells, first) {
        return Some(SkipReason::Note);
    }
    let same_as_header = !headers.is_empty()
        && cells
            .iter()
            .zip(headers)
            .filter(|(c, h)| !c.is_empty() || !h.is_empty())
            .all(|(c, h)| c == h);
    same_as_header.then_some(SkipReason::RepeatedHeader)
}

/// "共30项", "共 12 条", "合计30项".
fn is_count_line(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix('共')
        .or_else(|| text.strip_prefix("合计"))
    else {
        return false;
    };
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && ["项", "条", "个", "行", "家", "件"].contains(&&rest[digits..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(number: usize, cells: &[&str]) -> Row {
        Row {
            number,
            cells: cells.iter().map(|s| s.to_string()).collect(),
            issues: Vec::new(),
        }
    }

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn an_index_row_counts_up_by_one_in_one_kind_after_an_optional_label() {
        for yes in [
            &["1", "2", "3"][..],
            &["栏次", "甲", "乙", "丙", "丁"],
            &["", "A", " B ", "", "C"],
            &["①", "②", "③"],
        ] {
            assert!(is_index_row(&strings(yes)), "{yes:?}");
        }
        for no in [
            &["1", "2"][..],
            &["1", "3", "4"],
            &["1", "B", "3"],
            &["栏次", "甲", "乙"],
            &["1", "锂电池回收", "山东大学", "6"],
            &["序号", "栏次", "1", "2", "3"],
            &[],
        ] {
            assert!(!is_index_row(&strings(no)), "{no:?}");
        }
    }

    #[test]
    fn the_header_is_found_below_a_merged_title_and_a_note() {
        let title = "2026年度山东省科技成果汇总表";
        let rows = [
            row(1, &[title, title, title, title]),
            row(2, &["填报说明：带*为必填项", "", "", ""]),
            row(3, &["序号", "成果名称*", "完成单位", "技术成熟度\n(TRL)*"]),
            row(4, &["1", "锂电池回收", "山东大学", "6"]),
        ];
        assert_eq!(find_header(ImportKind::Achievements, &rows), 2);
    }

    #[test]
    fn unknown_headers_are_the_first_full_row() {
        let rows = [
            row(1, &["清单", "", ""]),
            row(2, &["A", "B", "C"]),
            row(3, &["x", "y", "z"]),
        ];
        assert_eq!(find_header(ImportKind::Clients, &rows), 1);
    }

    #[test]
    fn a_two_row_header_names_each_column_under_its_group() {
        let rows = [
            row(3, &["单位名称", "联系人", "联系人", "备注"]),
            row(4, &["单位名称", "姓名", "电话", "备注"]),
            row(5, &["山东大学", "张老师", "0531-1", ""]),
        ];
        let l = layout(ImportKind::Clients, &rows, 0);
        assert!(l.two_rows);
        assert_eq!(l.headers, strings(&["单位名称", "姓名", "电话", "备注"]));
        assert_eq!(l.rows_before_data(), 2);
        // A data row under an ordinary header is data.
        let plain = [
            row(1, &["单位名称", "联系人", "电话"]),
            row(2, &["山东大学", "张老师", "0531-1"]),
        ];
        assert!(!layout(ImportKind::Clients, &plain, 0).two_rows);
    }

    #[test]
    fn a_sentence_merged_over_the_table_is_a_note_and_a_repeated_name_is_not() {
        let notice =
            "公示期：2025年7月1日至7月7日。对公示内容有异议的，请在公示期内以书面形式反映。";
        let row = |cells: &[&str]| cells.iter().map(|c| c.to_string()).collect::<Vec<_>>();
        assert_eq!(
            skip_reason(&row(&[notice, notice, notice, notice]), &[]),
            Some(SkipReason::Note)
        );
        assert_eq!(
            skip_reason(&row(&["山东大学", "山东大学", "", "生物"]), &[]),
            None
        );
        assert_eq!(skip_reason(&row(&["山东大学", "山东大学"]), &[]), None);
    }

    #[test]
    fn totals_footers_and_notes_are_told_apart() {
        let headers = strings(&["序号", "成果名称", "价格"]);
        let skip = |cells: &[&str]| skip_reason(&strings(cells), &headers);
        assert_eq!(skip(&["合计", "", "1500"]), Some(SkipReason::Total));
        assert_eq!(skip(&["", "总 计", "1500"]), Some(SkipReason::Total));
        assert_eq!(skip(&["共30项", "", ""]), Some(SkipReason::Total));
        assert_eq!(skip(&["小计：", "", "20"]), Some(SkipReason::Total));
        assert_eq!(
            skip(&["填表人：张三   审核人：李四", "", ""]),
            Some(SkipReason::Footer)
        );
        assert_eq!(
            skip(&["注：价格单位为万元", "", ""]),
            Some(SkipReason::Note)
        );
        assert_eq!(
            skip(&["序号", "成果名称", "价格"]),
            Some(SkipReason::RepeatedHeader)
        );
        assert_eq!(skip(&["1", "注塑机节能改造", "30"]), None);
        assert_eq!(skip(&["2", "合计算法优化平台", "30"]), None);
    }
}
