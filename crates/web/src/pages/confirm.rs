//! A confirmation step before an irreversible action, that works without JavaScript.
//! The action's form is sent as usual; without `confirm=1` in it, the handler answers
//! this page instead of acting: it restates what will happen and offers the same form
//! again (its fields carried as hidden inputs) with `confirm=1`, or a way back. With
//! JavaScript, `app.js` asks in a dialog and adds `confirm=1` itself, so the page is
//! skipped.

use crate::page::{Ctx, Page};
use askama::Template;
use axum::response::Response;
use serde::Deserialize;

/// For a form whose only field is the confirmation.
#[derive(Deserialize, Default)]
pub struct Confirmation {
    #[serde(default)]
    pub confirm: String,
}

impl Confirmation {
    pub fn given(&self) -> bool {
        given(&self.confirm)
    }
}

/// Whether the confirmation field says yes.
pub fn given(value: &str) -> bool {
    value == "1"
}

#[derive(Template)]
#[template(path = "pages/confirm.html")]
struct ConfirmTemplate<'a> {
    page: Page<'a>,
    question: String,
    action: String,
    carry: Vec<(String, String)>,
    back: String,
}

/// The confirmation page of the action posted to `action`: `question` restates what
/// will happen; `carry` are the form's other fields, sent again; `back` is where « no »
/// leads.
pub fn ask(
    ctx: &Ctx,
    action: &str,
    question: String,
    carry: Vec<(String, String)>,
    back: &str,
) -> Response {
    let tr = ctx.tr();
    super::render(&ConfirmTemplate {
        page: ctx.page(tr.t("confirm-title")),
        question,
        action: action.to_owned(),
        carry,
        back: back.to_owned(),
    })
}
