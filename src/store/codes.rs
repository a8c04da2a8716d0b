//! How the domain's enums are stored: as their stable text codes.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::domain::documents::DocumentKind;
use crate::domain::maturation::{CarrierKind, Outcome, Payer, ProjectKind};
use crate::domain::rights::ArrangementKind;
use crate::domain::{
    AchievementStatus, ClientKind, DealStage, InteractionKind, IpKind, IpStatus, NeedMode,
    NeedStatus, RejectReason, Stage,
};

macro_rules! stored_as_code {
    ($ty:ty) => {
        impl ToSql for $ty {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.code()))
            }
        }

        impl FromSql for $ty {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let code = value.as_str()?;
                <$ty>::from_code(code).ok_or_else(|| {
                    FromSqlError::Other(format!("unknown {} code {code:?}", stringify!($ty)).into())
                })
            }
        }
    };
}

stored_as_code!(ClientKind);
stored_as_code!(InteractionKind);
stored_as_code!(Stage);
stored_as_code!(AchievementStatus);
stored_as_code!(IpKind);
stored_as_code!(IpStatus);
stored_as_code!(NeedMode);
stored_as_code!(NeedStatus);
stored_as_code!(DealStage);
stored_as_code!(RejectReason);
stored_as_code!(CarrierKind);
stored_as_code!(ProjectKind);
stored_as_code!(Payer);
stored_as_code!(Outcome);
stored_as_code!(ArrangementKind);
stored_as_code!(DocumentKind);
