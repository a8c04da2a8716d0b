//! The shortlist of a need, as a CSV the broker sends to the enterprise.

use std::io::Write;
use std::path::Path;

use anyhow::Context;

use super::safe_cell;

/// One shortlisted achievement as exported.
#[derive(Debug, Clone, PartialEq)]
pub struct ShortlistRow {
    pub title: String,
    pub owner: String,
    pub field: String,
    pub trl: u8,
    pub stage: String,
    pub price: String,
    pub modes: String,
    pub score: f32,
    pub keywords: String,
}

/// Writes UTF-8 with a byte-order mark, which Excel needs to show Chinese correctly.
pub fn write_csv(path: &Path, header: &[&str; 9], rows: &[ShortlistRow]) -> anyhow::Result<()> {
    let mut file =
        std::fs::File::create(path).with_context(|| format!("cannot create {}", path.display()))?;
    file.write_all(b"\xEF\xBB\xBF")?;
    let mut w = csv::Writer::from_writer(file);
    w.write_record(header)?;
    for r in rows {
        let trl = r.trl.to_string();
        let score = format!("{:.0}", r.score);
        w.write_record([
            safe_cell(&r.title).as_ref(),
            safe_cell(&r.owner).as_ref(),
            safe_cell(&r.field).as_ref(),
            &trl,
            safe_cell(&r.stage).as_ref(),
            safe_cell(&r.price).as_ref(),
            safe_cell(&r.modes).as_ref(),
            &score,
            safe_cell(&r.keywords).as_ref(),
        ])?;
    }
    w.flush()
        .with_context(|| format!("cannot write {}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_a_bom_a_header_and_safe_cells() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shortlist.csv");
        let rows = [ShortlistRow {
            title: "=恶意公式".into(),
            owner: "山东大学".into(),
            field: "新能源".into(),
            trl: 6,
            stage: "中试".into(),
            price: "面议".into(),
            modes: "转让、许可".into(),
            score: 87.4,
            keywords: "电池, 回收".into(),
        }];
        let header = [
            "成果名称",
            "完成单位",
            "领域",
            "TRL",
            "阶段",
            "价格",
            "方式",
            "匹配度",
            "关键词",
        ];
        write_csv(&path, &header, &rows).unwrap();
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
        let mut lines = text.lines();
        assert_eq!(
            lines.next(),
            Some("成果名称,完成单位,领域,TRL,阶段,价格,方式,匹配度,关键词")
        );
        assert_eq!(
            lines.next(),
            Some("'=恶意公式,山东大学,新能源,6,中试,面议,转让、许可,87,\"电池, 回收\"")
        );
    }
}
