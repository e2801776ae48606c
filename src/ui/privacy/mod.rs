//! Privacy on a shared computer, on screen: what this computer keeps and the question asked
//! before anything is saved ([`offer`]), the choices ([`this_computer`]) and the passphrase
//! lock ([`passphrase_form`], [`unlock`]), where records live and when the lock shuts
//! ([`keeping`]), Your data's export and import ([`data_transfer`]), Clear my data
//! ([`clear_data`]) and the notices about stored data ([`storage_notices`]). The rules they
//! follow are in `core::privacy`.

pub mod clear_data;
pub mod data_transfer;
pub mod keeping;
pub mod offer;
pub mod passphrase_check;
pub mod passphrase_form;
pub mod storage_notices;
pub mod this_computer;
pub mod unlock;
