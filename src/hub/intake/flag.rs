//! A flag on a submission: something the hub should look at (changed after export, no URN,
//! matched by name …), its kind as stored and its message as shown.

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    pub kind: &'static str,
    pub message: String,
}
