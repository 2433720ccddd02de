//! The associations around events: their hosts' e-mails, their share links and what
//! each brought, and the relays the organisers add.

use super::*;

/// A conference's host hears this long before it…
const HOST_WEEK_BEFORE: Duration = Duration::days(7);
/// …and this long after it (attendance is recorded, invitations are out)…
const HOST_AFTER: Duration = Duration::days(2);
/// …unless the event is older than this (a sweep that did not run for a month).
const HOST_AFTER_UNTIL: Duration = Duration::days(30);

impl App {
    /// The messages due at `now` to the associations that host conferences: a week
    /// before (with the registrations so far), and two days after (with who came and
    /// who applied since), each once. Returns how many were queued.
    pub async fn send_host_mails(&self, now: DateTime<Utc>) -> Result<usize, AppError> {
        use mentorat_store::HostMailStep;
        let mut sent = 0;
        for (step, from, to) in [
            (HostMailStep::WeekBefore, now, now + HOST_WEEK_BEFORE),
            (
                HostMailStep::After,
                now - HOST_AFTER_UNTIL,
                now - HOST_AFTER,
            ),
        ] {
            for event in self.store.events_due_host_mail(step, from, to).await? {
                let Some(host) = (match event.partner_id {
                    Some(id) => self.store.partner(id).await?,
                    None => None,
                }) else {
                    continue;
                };
                if host.contact_email.is_empty() {
                    continue;
                }
                let step_mail = match step {
                    HostMailStep::WeekBefore => crate::email::HostStep::WeekBefore {
                        registered: self.store.attendance(event.id).await?.confirmed,
                    },
                    HostMailStep::After => crate::email::HostStep::After {
                        attended: self.store.attendance(event.id).await?.attended,
                        applied: self.store.attendees_who_applied(event.id).await?,
                    },
                };
                let mut tx = self.store.begin().await?;
                if tx.mark_host_mail(event.id, step, now).await? {
                    let mail = Mail::Host {
                        step: step_mail,
                        name: host.name.clone(),
                        event: self.facts(&event),
                        link: self.event_url(event.id),
                    };
                    let locale = Locale::parse(&host.locale).unwrap_or_default();
                    self.queue_mail(&mut tx, &host.contact_email, locale, &mail)
                        .await?;
                    sent += 1;
                }
                tx.commit().await?;
            }
        }
        if sent > 0 {
            self.mail_queued();
        }
        Ok(sent)
    }
}

impl App {
    /// The associations around an event (its host and relays), with their share codes
    /// and what each brought.
    pub async fn event_links(
        &self,
        event_id: Uuid,
    ) -> Result<Vec<mentorat_store::PartnerLink>, AppError> {
        Ok(self.store.partner_links(&[event_id], &[], 100).await?)
    }

    /// A conference's funnel: registered, came, invited, applied, approved, mentoring.
    pub async fn event_funnel(
        &self,
        event_id: Uuid,
    ) -> Result<mentorat_store::EventFunnel, AppError> {
        Ok(self.store.event_funnel(event_id).await?)
    }

    /// The share links of these associations (the latest 50 events), with what each
    /// brought: what a partner's members see of their own figures.
    pub async fn partner_links(
        &self,
        partners: &[Uuid],
    ) -> Result<Vec<mentorat_store::PartnerLink>, AppError> {
        Ok(self.store.partner_links(&[], partners, 50).await?)
    }

    /// The associations of the event's circle that do not take part in it yet, which
    /// its organisers may add as relays.
    pub async fn relay_choices(
        &self,
        event: &Event,
    ) -> Result<Vec<mentorat_store::Partner>, AppError> {
        let Some(circle) = event.circle_id else {
            return Ok(Vec::new());
        };
        let linked: Vec<Uuid> = self
            .event_links(event.id)
            .await?
            .iter()
            .map(|l| l.partner_id)
            .collect();
        Ok(self
            .store
            .partners_of_circle(circle)
            .await?
            .into_iter()
            .filter(|p| !linked.contains(&p.id))
            .collect())
    }

    /// Adds an association of the event's circle as a relay of the event, with its own
    /// share code.
    pub async fn add_relay(
        &self,
        actor: Uuid,
        event: &Event,
        partner: &str,
    ) -> Result<(), AppError> {
        let choices = self.relay_choices(event).await?;
        let Some(partner) = choices.iter().find(|p| p.slug == partner.trim()) else {
            return Err(invalid("partner", "error-unknown-choice"));
        };
        let mut tx = self.store.begin().await?;
        tx.add_event_partner(event.id, partner.id, "relay").await?;
        tx.audit(Some(actor), "relay_added", Some(event.id), &partner.slug)
            .await?;
        tx.commit().await?;
        Ok(())
    }
}
