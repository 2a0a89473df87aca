//! What stands in place of a box that cannot be shown, and what the console gets.

use super::*;

pub(super) fn internal_failure(host: &HtmlElement, detail: String) -> Failure {
    Failure {
        lang: host_lang(host),
        id: None,
        problems: vec![Problem::whole(What::Internal { detail })],
    }
}

pub(super) fn show_failure(
    inner: &Rc<RefCell<Inner>>,
    failure: &Failure,
    source: Option<&str>,
    json: Option<&str>,
) {
    let Ok(mut i) = inner.try_borrow_mut() else {
        return;
    };
    if !i.options.quiet {
        log_failure(failure, source);
    }
    i.failed = true;
    i.problems = Shown::all(failure).collect();
    let host = i.host.clone();
    let visible = i.options.show_errors;
    let shown = fresh_root(&host).map(|root| {
        let editor = audience::is_editor(&host);
        let lang = host_lang(&host);
        root.set_inner_html(&failure_markup(
            visible, editor, lang, failure, source, json,
        ));
    });
    if shown.is_err() && visible {
        // No shadow root could be made: write the message as plain text in the element.
        host.set_text_content(Some(&failure.messages().join("\n")));
    }
}

/// What stands in place of a box that cannot be shown: for readers of a published page a
/// short notice, for editors previewing it every message (see `audience`). Every failure
/// is shown through here; the console gets the full messages either way (`log_failure`),
/// unless the page asked for quiet.
pub(super) fn failure_markup(
    shown: bool,
    editor: bool,
    lang: Lang,
    failure: &Failure,
    source: Option<&str>,
    json: Option<&str>,
) -> String {
    if !shown {
        // `errors: 'none'`: the page shows its own message.
        String::new()
    } else if editor {
        markup::failure(failure, source, json)
    } else {
        markup::reader_notice(failure, lang)
    }
}

pub(super) fn log_failure(failure: &Failure, source: Option<&str>) {
    let mut text = String::from("factbox:");
    if let Some(s) = source {
        text.push(' ');
        text.push_str(s);
    }
    if let Some(id) = &failure.id {
        text.push_str(&format!(" #{id}"));
    }
    for problem in &failure.problems {
        // Developers read the console in English.
        text.push_str("\n  ");
        text.push_str(&problem.message(Lang::En));
    }
    web_sys::console::error_1(&JsValue::from_str(&text));
}
