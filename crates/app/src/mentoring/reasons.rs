//! Why a mentor is suggested: the engine's reasons with their names resolved
//! (`ReasonNote`, kept with proposals and requests) and put into words per reader.

use super::*;

/// Why a mentor is suggested, every name resolved but none translated: kept with a batch
/// proposal's pairs and put in words in each reader's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReasonNote {
    SameField(String),
    SynonymField(String),
    SameCommune,
    /// The intercommunality's name.
    SameEpci(String),
    /// The département's name.
    SameDepartement(String),
    /// The field, the years.
    Years(String, i64),
    /// The words both wrote, as the mentor wrote them.
    Words(Vec<String>),
    Remote,
    /// A reason an earlier version kept as its French sentence.
    Text(String),
}

impl ReasonNote {
    /// One line per reason, its kind then its values, separated by tabs.
    pub fn encode(notes: &[ReasonNote]) -> String {
        notes
            .iter()
            .map(|n| match n {
                ReasonNote::SameField(f) => format!("field\t{f}"),
                ReasonNote::SynonymField(f) => format!("synonym\t{f}"),
                ReasonNote::SameCommune => "commune".to_owned(),
                ReasonNote::SameEpci(name) => format!("epci\t{name}"),
                ReasonNote::SameDepartement(name) => format!("departement\t{name}"),
                ReasonNote::Years(f, y) => format!("years\t{f}\t{y}"),
                ReasonNote::Words(words) => format!("words\t{}", words.join("\t")),
                ReasonNote::Remote => "remote".to_owned(),
                ReasonNote::Text(text) => text.clone(),
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The reasons of [`ReasonNote::encode`]'s text; a line it does not know (a sentence
    /// kept by an earlier version) stays as it was written.
    pub fn decode(text: &str) -> Vec<ReasonNote> {
        text.lines()
            .filter(|l| !l.trim().is_empty())
            .map(|line| {
                let parts: Vec<&str> = line.split('\t').collect();
                match parts.as_slice() {
                    ["field", f] => ReasonNote::SameField((*f).to_owned()),
                    ["synonym", f] => ReasonNote::SynonymField((*f).to_owned()),
                    ["commune"] => ReasonNote::SameCommune,
                    ["epci", name] => ReasonNote::SameEpci((*name).to_owned()),
                    ["departement", name] => ReasonNote::SameDepartement((*name).to_owned()),
                    ["years", f, y] if y.parse::<i64>().is_ok() => {
                        ReasonNote::Years((*f).to_owned(), y.parse().unwrap_or_default())
                    }
                    ["words", words @ ..] if !words.is_empty() => {
                        ReasonNote::Words(words.iter().map(|w| (*w).to_owned()).collect())
                    }
                    ["remote"] => ReasonNote::Remote,
                    _ => ReasonNote::Text(line.to_owned()),
                }
            })
            .collect()
    }
}

impl App {
    /// Each suggestion's reasons with their names resolved: the project's
    /// intercommunality or département, and the common words as the mentor wrote them
    /// (else as the porteur did).
    pub fn reason_notes(
        &self,
        project: &ProjectRecord,
        suggestions: &[SuggestedMentor],
    ) -> Vec<Vec<ReasonNote>> {
        use mentorat_matching::Level;
        let t = territories();
        let home = t.commune(&project.commune_code);
        let analyzer = mentorat_matching::Analyzer::default();
        let porteur_text = format!(
            "{} {} {}",
            project.title, project.description, project.help_wanted
        );
        suggestions
            .iter()
            .map(|s| {
                s.reasons
                    .iter()
                    .map(|reason| match reason {
                        Reason::SameField(f) => ReasonNote::SameField(f.to_string()),
                        Reason::SynonymField(f) => ReasonNote::SynonymField(f.to_string()),
                        Reason::Proximity(Level::SameCommune) => ReasonNote::SameCommune,
                        Reason::Proximity(Level::SameIntercommunality) => ReasonNote::SameEpci(
                            home.and_then(|h| t.epci_of(h))
                                .map(|e| e.name.clone())
                                .unwrap_or_default(),
                        ),
                        Reason::Proximity(_) => ReasonNote::SameDepartement(
                            home.and_then(|h| t.departement_of(h))
                                .map(|d| d.name.clone())
                                .unwrap_or_default(),
                        ),
                        Reason::Years(f, y) => ReasonNote::Years(f.to_string(), *y),
                        Reason::CommonWords(words) => ReasonNote::Words(
                            words
                                .iter()
                                .map(|w| {
                                    analyzer
                                        .as_written(&s.card.bio, w)
                                        .or_else(|| analyzer.as_written(&porteur_text, w))
                                        .unwrap_or_else(|| w.to_string())
                                })
                                .collect(),
                        ),
                        Reason::Remote => ReasonNote::Remote,
                    })
                    .collect()
            })
            .collect()
    }

    /// A reason as a sentence in `locale` (« Même intercommunalité : CA de la Région de
    /// Compiègne… », « 12 ans en Création d'entreprise », « Mots communs : … »).
    pub fn reason_text(
        &self,
        locale: mentorat_domain::Locale,
        note: &ReasonNote,
        domains: &[Domain],
    ) -> String {
        let tr = crate::i18n::Tr {
            locale,
            i18n: &self.i18n,
        };
        let label = |code: &str| Domain::label_of(domains, code, locale);
        match note {
            ReasonNote::SameField(f) => tr.ts("reason-same-field", "field", &label(f)),
            ReasonNote::SynonymField(f) => tr.ts("reason-synonym-field", "field", &label(f)),
            ReasonNote::SameCommune => tr.t("reason-same-commune"),
            ReasonNote::SameEpci(name) => tr.ts("reason-same-epci", "name", name),
            ReasonNote::SameDepartement(name) => tr.ts("reason-same-dep", "name", name),
            ReasonNote::Years(f, y) => tr.tv(
                "reason-years",
                &[("years", &y.to_string()), ("field", &label(f))],
            ),
            ReasonNote::Words(words) => tr.ts("reason-words", "words", &words.join(", ")),
            ReasonNote::Remote => tr.t("reason-remote"),
            ReasonNote::Text(text) => text.clone(),
        }
    }

    /// Each suggestion's reasons as sentences in `locale`.
    pub fn reason_texts(
        &self,
        locale: mentorat_domain::Locale,
        project: &ProjectRecord,
        suggestions: &[SuggestedMentor],
        domains: &[Domain],
    ) -> Vec<Vec<String>> {
        self.reason_notes(project, suggestions)
            .iter()
            .map(|notes| {
                notes
                    .iter()
                    .map(|n| self.reason_text(locale, n, domains))
                    .collect()
            })
            .collect()
    }
}
