//! The import's fields, row problems and failures in the UI language.

use super::{Tr, fill};
use crate::io::import::{
    CellError, CellWarning, ImportError, ImportSummary, Mapping, RowProblem, SkipReason, Target,
    Warning,
};
use crate::io::read::{Document, ReadError};
use crate::store::OpenError;

impl Tr {
    /// A field a column can be imported as.
    pub fn target(&self, t: Target) -> &'static str {
        use Target::*;
        match t {
            Name => self.f_name,
            ClientKind => self.f_kind,
            CreditCode => self.f_credit_code,
            Province => self.f_province,
            City => self.f_city,
            District => self.f_district,
            Industry => self.f_industry,
            Size => self.f_size,
            Address => self.f_address,
            Website => self.f_website,
            Notes => self.f_notes,
            ContactName => self.im_t_contact_name,
            ContactTitle => self.im_t_contact_title,
            ContactPhone => self.im_t_contact_phone,
            ContactEmail => self.im_t_contact_email,
            ContactWechat => self.im_t_contact_wechat,
            Title => self.a_title,
            Owner => self.a_owner,
            Inventors => self.a_inventors,
            Field => self.a_field,
            Keywords => self.im_t_keywords,
            Abstract => self.a_abstract,
            Indicators => self.a_indicators,
            Trl => self.im_t_trl,
            Stage => self.a_stage,
            IpNumbers => self.a_ip,
            TransferModes => self.a_modes,
            Price => self.im_t_price,
            RegistrationNo => self.a_registration,
            AchievementStatus | NeedStatus => self.a_status,
            Source => self.a_source,
            Enterprise => self.n_enterprise,
            Description => self.n_description,
            Budget => self.im_t_budget,
            PreferredMode => self.n_mode,
            MinStage => self.n_min_stage,
            MinTrl => self.im_t_min_trl,
            Deadline => self.im_t_deadline,
            Confidential => self.n_confidential,
            Seller => self.d_seller,
            Buyer => self.d_buyer,
            AchievementTitle => self.a_title,
            DealStage => self.d_stage,
            ContractType => self.d_contract_type,
            Expected => self.im_t_expected,
            Contract => self.im_t_contract,
            Technology => self.im_t_technology,
            CommissionRate => self.d_rate,
            SignedOn => self.d_signed_on,
            Broker => self.d_broker,
            LostReason => self.lost_reason,
            Region => self.col_region,
            ContractNo => self.ex_contract_no,
            RegisteredOn => self.r_submitted,
            CertificateNo => self.r_certificate,
            CarrierKind => self.carrier_kind_label,
            Capabilities => self.carrier_capabilities,
            Equipment => self.carrier_equipment,
            Capacity => self.carrier_capacity,
            TypicalCost => self.im_t_typical_cost,
            HostUnit => self.im_t_host_unit,
        }
    }

    pub fn row_problem(&self, p: &RowProblem) -> String {
        match p {
            RowProblem::Field(problem) => self.problem(*problem),
            RowProblem::UnknownChoice(value) => fill(self.im_p_unknown_choice, &[("value", value)]),
            RowProblem::UnknownOwner(name) => fill(self.im_p_unknown_owner, &[("name", name)]),
            RowProblem::NotAnEnterprise(name) => fill(self.im_p_not_enterprise, &[("name", name)]),
            RowProblem::Undecodable => self.im_p_undecodable.to_string(),
            RowProblem::DateBefore1900(v) => fill(self.im_p_before_1900, &[("value", v)]),
        }
    }

    pub fn warning(&self, w: &Warning) -> String {
        let value = |template, v: &str| fill(template, &[("value", &v)]);
        match w {
            Warning::UnknownValue(v) => value(self.im_w_unknown_value, v),
            Warning::KeptAsWritten(v) => value(self.im_w_kept, v),
            Warning::Long { max } => fill(self.im_w_long, &[("max", max)]),
            Warning::AmountUnreadable(v) => value(self.im_w_amount, v),
            Warning::PriceRange(v) => value(self.im_w_price_range, v),
            Warning::CostInNotes(v) => value(self.im_w_cost_in_notes, v),
            Warning::DateEndOf(v, date) => {
                fill(self.im_w_date_end, &[("value", v), ("date", date)])
            }
            Warning::TrlFromWords(v, trl) => {
                fill(self.im_w_trl_words, &[("value", v), ("trl", trl)])
            }
            Warning::UnknownModes(v) => value(self.im_w_modes, v),
            Warning::ContactWithoutName => self.im_w_contact_no_name.to_string(),
            Warning::LeftEmpty => self.im_w_left_empty.to_string(),
            Warning::OtherEncoding(name) => fill(self.im_w_encoding, &[("encoding", name)]),
            Warning::NulRemoved => self.im_w_nul.to_string(),
        }
    }

    /// The notes on a file's columns: fields the forms ask for that no column fills (left
    /// empty), then the columns that are not imported.
    pub fn column_notes(&self, mapping: &Mapping) -> Vec<String> {
        let mut notes: Vec<String> = mapping
            .missing_expected()
            .into_iter()
            .map(|t| fill(self.im_no_column, &[("field", &self.target(t))]))
            .collect();
        let unmapped = mapping.unmapped_headers();
        if !unmapped.is_empty() {
            notes.push(fill(
                self.im_not_imported,
                &[("columns", &unmapped.join(self.im_list_sep))],
            ));
        }
        notes
    }

    pub fn skip_reason(&self, r: SkipReason) -> &'static str {
        match r {
            SkipReason::Total => self.im_skip_total,
            SkipReason::Footer => self.im_skip_footer,
            SkipReason::Note => self.im_skip_note,
            SkipReason::RepeatedHeader => self.im_skip_header,
            SkipReason::IndexRow => self.im_skip_index,
        }
    }

    /// "列名：提示；列名：提示", naming each column as the file does.
    pub fn cell_warnings(&self, warnings: &[CellWarning], mapping: Option<&Mapping>) -> String {
        warnings
            .iter()
            .map(|w| match self.column_name(w.target, mapping) {
                Some(c) => format!("{c}：{}", self.warning(&w.warning)),
                None => self.warning(&w.warning),
            })
            .collect::<Vec<_>>()
            .join("；")
    }

    /// A field's column as the file names it, or the field's own name.
    fn column_name(&self, target: Option<Target>, mapping: Option<&Mapping>) -> Option<String> {
        let t = target?;
        Some(
            mapping
                .and_then(|m| m.column_of(t).and_then(|c| m.headers.get(c)))
                .map(|h| h.replace('\n', " "))
                .unwrap_or_else(|| self.target(t).to_string()),
        )
    }

    /// "列名：问题；列名：问题", naming each column as the file does.
    pub fn cell_errors(&self, errors: &[CellError], mapping: Option<&Mapping>) -> String {
        errors
            .iter()
            .map(|e| match self.column_name(e.target, mapping) {
                Some(c) => format!("{c}：{}", self.row_problem(&e.problem)),
                None => self.row_problem(&e.problem),
            })
            .collect::<Vec<_>>()
            .join("；")
    }

    /// Why an import did not happen.
    pub fn import_error(&self, e: &ImportError, mapping: Option<&Mapping>) -> String {
        match e {
            ImportError::Read(e) => self.read_error(e),
            ImportError::Open(e) => self.open_error(e),
            ImportError::Store(e) => fill(self.im_err_store, &[("detail", e)]),
            ImportError::Json(detail) => fill(self.im_err_json, &[("detail", detail)]),
            ImportError::Unmapped(targets) => {
                let fields: Vec<&str> = targets.iter().map(|t| self.target(*t)).collect();
                fill(self.im_missing_required, &[("fields", &fields.join("、"))])
            }
            ImportError::Invalid(row) => fill(
                self.im_err_invalid,
                &[
                    ("row", &row.number),
                    ("reasons", &self.cell_errors(&row.errors, mapping)),
                ],
            ),
            ImportError::NoHeaderRow(row) => fill(self.im_err_no_header_row, &[("row", row)]),
            ImportError::NoRows => self.im_err_no_rows.to_string(),
            ImportError::Cancelled => self.im_cancelled.to_string(),
            ImportError::Interrupted => self.im_interrupted.to_string(),
        }
    }

    pub fn read_error(&self, e: &ReadError) -> String {
        match e {
            ReadError::Io { source, .. } => fill(self.im_err_io, &[("detail", source)]),
            ReadError::Empty => self.im_err_empty.to_string(),
            ReadError::NotText => self.im_err_not_text.to_string(),
            ReadError::OtherDocument(doc) => match doc {
                Document::Word => self.im_err_word,
                Document::Pdf => self.im_err_pdf,
                Document::Presentation => self.im_err_presentation,
                Document::Zip => self.im_err_zip,
            }
            .to_string(),
            ReadError::Workbook(detail) => fill(self.im_err_workbook, &[("detail", detail)]),
            ReadError::NoSuchSheet(name) => fill(self.im_err_no_sheet, &[("name", name)]),
            ReadError::Csv { line, message } => {
                fill(self.im_err_csv, &[("line", line), ("detail", message)])
            }
            ReadError::IsJson => fill(self.im_err_json, &[("detail", &"JSON")]),
            ReadError::Password => self.im_err_password.to_string(),
            ReadError::WebPage => self.im_err_web_page.to_string(),
            ReadError::TooLarge { rows: 0, .. } => self.im_err_too_big.to_string(),
            ReadError::TooLarge { rows, columns } => fill(
                self.im_err_too_large,
                &[("rows", rows), ("columns", columns)],
            ),
        }
    }

    /// Why a backup was not restored, in the UI language.
    pub fn restore_error(&self, error: &crate::store::RestoreError) -> String {
        use crate::store::RestoreError;
        match error {
            RestoreError::NotABackup(path) => {
                fill(self.restore_not_a_backup, &[("path", &path.display())])
            }
            RestoreError::Open(e) => self.open_error(e),
            RestoreError::Store(e) => fill(self.restore_failed, &[("detail", e)]),
        }
    }

    /// The reason a database did not open, in the UI language.
    pub fn open_error(&self, error: &OpenError) -> String {
        match error {
            OpenError::Io { source, .. } => fill(self.open_err_io, &[("detail", source)]),
            OpenError::IsFolder { .. } => self.open_err_folder.to_string(),
            OpenError::EmptyFile { .. } => self.open_err_empty.to_string(),
            OpenError::NotADatabase { .. } => self.open_err_not_db.to_string(),
            OpenError::Foreign { .. } => self.open_err_foreign.to_string(),
            OpenError::Corrupt { .. } => self.open_err_corrupt.to_string(),
            OpenError::ReadOnlyFile { .. } => self.open_err_read_only_file.to_string(),
            OpenError::ReadOnlyFolder { .. } => self.open_err_read_only_folder.to_string(),
            OpenError::NoSpace { .. } => self.open_err_no_space.to_string(),
            OpenError::Locked { .. } => self.open_err_locked.to_string(),
            OpenError::NewerSchema {
                found, supported, ..
            } => fill(
                self.open_err_newer,
                &[("found", found), ("supported", supported)],
            ),
            OpenError::OlderSchemaReadOnly { found, .. } => {
                fill(self.open_err_older_read_only, &[("found", found)])
            }
            OpenError::Backup { detail, .. } => fill(self.open_err_backup, &[("detail", detail)]),
            OpenError::Setup { detail, .. } => fill(self.open_err_setup, &[("detail", detail)]),
        }
    }

    /// What an import did, in one line.
    pub fn import_summary(&self, s: &ImportSummary) -> String {
        fill(
            self.im_done,
            &[
                ("inserted", &s.inserted),
                ("updated", &s.updated),
                ("skipped", &s.skipped_duplicates),
                ("owners", &s.owners_created),
                ("rejected", &s.rejected.len()),
                ("warned", &s.warnings.len()),
                ("left", &s.skipped.len()),
            ],
        )
    }
}
