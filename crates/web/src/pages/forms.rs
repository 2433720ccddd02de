//! Form view models shared by the account pages: one partial (`_form.html`) renders
//! labels, hints, errors (announced, linked with `aria-describedby`), the CSRF token
//! and the submit button, so that every form behaves the same.

use crate::error::{WebError, refusal};
use crate::page::{Ctx, Page};
use askama::Template;
use mentorat_app::AppError;

pub struct Field {
    pub name: &'static str,
    pub label: String,
    /// `text`, `email`, `password`…
    pub kind: &'static str,
    pub autocomplete: &'static str,
    pub hint: Option<String>,
    pub value: String,
    pub required: bool,
    pub error: bool,
    /// The commune picker: the typed text goes in this field, the chosen commune's
    /// key in the hidden field `commune` (filled by app.js, or chosen among candidates).
    pub picker: Option<String>,
}

impl Field {
    pub fn new(
        name: &'static str,
        label: String,
        kind: &'static str,
        autocomplete: &'static str,
    ) -> Field {
        Field {
            name,
            label,
            kind,
            autocomplete,
            hint: None,
            value: String::new(),
            required: true,
            error: false,
            picker: None,
        }
    }

    pub fn hint(mut self, hint: String) -> Field {
        self.hint = Some(hint);
        self
    }

    pub fn value(mut self, value: &str) -> Field {
        self.value = value.to_owned();
        self
    }

    /// Makes this field the commune picker; `code` is the key already chosen.
    pub fn picker(mut self, code: &str) -> Field {
        self.picker = Some(code.to_owned());
        self
    }

    pub fn optional(mut self) -> Field {
        self.required = false;
        self
    }
}

/// A choice list: (field name, label, [(value, label, selected)]).
pub type Choices = (&'static str, String, Vec<(String, String, bool)>);

pub struct FormView {
    pub id: &'static str,
    pub action: String,
    pub title: Option<String>,
    pub lead: Option<String>,
    pub fields: Vec<Field>,
    pub hidden: Vec<(&'static str, String)>,
    pub submit: String,
    /// The error message, shown above the form and linked to the faulty field.
    pub error: Option<String>,
    /// Asks before submitting (with JavaScript); for irreversible actions.
    pub confirm: Option<String>,
    pub danger: bool,
    /// A choice list after the fields: (name, label, [(value, label, selected)]).
    pub select: Option<Choices>,
    /// A checkbox after the fields: (name, label, checked).
    pub checkbox: Option<(&'static str, String, bool)>,
    /// A field hidden from people (honeypot); robots fill it.
    pub honeypot: Option<String>,
}

impl FormView {
    pub fn new(
        id: &'static str,
        action: impl Into<String>,
        submit: String,
        fields: Vec<Field>,
    ) -> FormView {
        FormView {
            id,
            action: action.into(),
            title: None,
            lead: None,
            fields,
            hidden: Vec::new(),
            submit,
            error: None,
            confirm: None,
            danger: false,
            select: None,
            checkbox: None,
            honeypot: None,
        }
    }

    /// The form again after a use case's error: a refusal of the input is shown next to
    /// its field; any other error goes on to the error page (see `error::refusal`).
    pub fn refused(self, ctx: &Ctx, e: AppError) -> Result<FormView, WebError> {
        let r = refusal(e)?;
        Ok(self.with_error(r.field, ctx.tr().t(r.key)))
    }

    /// Marks `field` as the one in error, with `message`; passwords are never echoed.
    /// A refused `commune` belongs to the picker's visible field, `commune_query`.
    pub fn with_error(mut self, field: &str, message: String) -> FormView {
        let field = match field {
            "commune" if self.fields.iter().any(|f| f.name == "commune_query") => "commune_query",
            other => other,
        };
        for f in &mut self.fields {
            if f.kind == "password" {
                f.value.clear();
            }
            f.error = f.name == field;
        }
        if !self.fields.iter().any(|f| f.error)
            && let Some(first) = self.fields.first_mut()
        {
            first.error = true;
        }
        self.error = Some(message);
        self
    }
}

/// A page with one form, links under it, and an optional notice.
#[derive(Template)]
#[template(path = "pages/form_page.html")]
pub struct FormPage<'a> {
    pub page: Page<'a>,
    pub heading: String,
    pub lead: Option<String>,
    pub form: FormView,
    pub links: Vec<(String, String)>,
}

/// A page with a heading, a message and one link (confirmations, expired links).
#[derive(Template)]
#[template(path = "pages/message.html")]
pub struct MessagePage<'a> {
    pub page: Page<'a>,
    pub heading: String,
    pub message: String,
    pub link_href: String,
    pub link_label: String,
}
