//! Mentors: the generation mark of the shared index, fields, profiles, applications and vetting, the fields' taxonomy.

use super::*;
use mentorat_domain::mentoring::Vetting;

impl Store {
    /// The values of some of the database's counters (migrations 0012–0015), in one
    /// query, in the order of `names`. Each moves inside the writing transaction, by
    /// triggers, whoever writes: what is read after reading one is at least as new.
    async fn generations<const N: usize>(&self, names: [&str; N]) -> Result<[i64; N]> {
        #[derive(sqlx::FromRow)]
        struct G {
            name: String,
            value: i64,
        }
        let q = Query::select()
            .columns(["name", "value"])
            .from("generations")
            .and_where(Expr::col("name").is_in(names))
            .to_owned();
        let mut values = [0; N];
        for g in db::fetch_all::<G>(&mut &*self, &q).await? {
            if let Some(at) = names.iter().position(|n| *n == g.name) {
                values[at] = g.value;
            }
        }
        Ok(values)
    }

    /// The generations of the public data and of the mentors: the public pages kept
    /// rendered are good while neither moves (migration 0013).
    pub async fn public_generation(&self) -> Result<(i64, i64)> {
        let [public, mentors] = self.generations(["public", "mentors"]).await?;
        Ok((public, mentors))
    }

    /// The generations of the mentors (every change suggestions depend on but their
    /// places and the weights: the mentors, their fields, the fields' labels, people's
    /// names), of the mentors' places and of the circles' weights (migrations 0012,
    /// 0014 and 0017).
    pub async fn mentor_generations(&self) -> Result<[i64; 3]> {
        self.generations(["mentors", "mentor_places", "weights"])
            .await
    }

    /// The generations of what the coordination pages show: the public data, the
    /// mentors and the relationships (migrations 0012, 0013 and 0015).
    pub async fn coordination_generations(&self) -> Result<[i64; 3]> {
        self.generations(["public", "mentors", "relationships"])
            .await
    }

    /// The mentors whose places changed after the places' generation `after`: (mentor,
    /// places taken, places offered), through the index on the mark each change leaves.
    pub async fn mentor_places_since(&self, after: i64) -> Result<Vec<(Uuid, i64, i64)>> {
        #[derive(sqlx::FromRow)]
        struct Places {
            user_id: Uuid,
            active_mentees: i64,
            capacity: i64,
        }
        let q = Query::select()
            .columns(["user_id", "active_mentees", "capacity"])
            .from("mentors")
            .and_where(Expr::col("places_seq").gt(after))
            .to_owned();
        Ok(db::fetch_all::<Places>(&mut &*self, &q)
            .await?
            .into_iter()
            .map(|p| (p.user_id, p.active_mentees, p.capacity))
            .collect())
    }

    pub async fn domains(&self) -> Result<Vec<Domain>> {
        let q = Query::select()
            .columns(["code", "label_fr", "label_en", "synonyms_fr", "synonyms_en"])
            .from("domains")
            .and_where(Expr::col("active").eq(true))
            .order_by("position", Order::Asc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    pub async fn mentor(&self, user_id: Uuid) -> Result<Option<MentorProfile>> {
        let q = mentor_select()
            .and_where(Expr::col(("mentors", "user_id")).eq(user_id))
            .to_owned();
        db::fetch_optional(&mut &*self, &q).await
    }

    /// The fields of a mentor with years, by years then code.
    pub async fn mentor_domains(&self, user_id: Uuid) -> Result<Vec<(String, i64)>> {
        Ok(self
            .mentor_domains_of(&[user_id])
            .await?
            .remove(&user_id)
            .unwrap_or_default())
    }

    /// The fields of several mentors in one query, each list as [`Store::mentor_domains`]
    /// orders it.
    pub async fn mentor_domains_of(
        &self,
        user_ids: &[Uuid],
    ) -> Result<std::collections::HashMap<Uuid, Vec<(String, i64)>>> {
        #[derive(sqlx::FromRow)]
        struct D {
            user_id: Uuid,
            domain_code: String,
            years: i64,
        }
        let rows = db::fetch_by_ids::<D>(&mut &*self, user_ids, |chunk| {
            Query::select()
                .columns(["user_id", "domain_code", "years"])
                .from("mentor_domains")
                .and_where(Expr::col("user_id").is_in(chunk.iter().copied()))
                .order_by("years", Order::Desc)
                .order_by("domain_code", Order::Asc)
                .to_owned()
        })
        .await?;
        let mut out: std::collections::HashMap<Uuid, Vec<(String, i64)>> =
            std::collections::HashMap::new();
        for d in rows {
            out.entry(d.user_id)
                .or_default()
                .push((d.domain_code, d.years));
        }
        Ok(out)
    }

    /// The mentors a porteur has ever asked (whatever became of the request): never
    /// suggested to them again.
    pub async fn asked_mentors(&self, mentee_id: Uuid) -> Result<Vec<Uuid>> {
        Ok(self
            .asked_mentors_of(&[mentee_id])
            .await?
            .remove(&mentee_id)
            .unwrap_or_default())
    }

    /// Which of these porteurs have a request still waiting for an answer.
    pub async fn mentees_with_open_requests(
        &self,
        mentee_ids: &[Uuid],
    ) -> Result<std::collections::HashSet<Uuid>> {
        #[derive(sqlx::FromRow)]
        struct M {
            mentee_id: Uuid,
        }
        let rows = db::fetch_by_ids::<M>(&mut &*self, mentee_ids, |chunk| {
            Query::select()
                .distinct()
                .column("mentee_id")
                .from("mentorship_requests")
                .and_where(Expr::col("mentee_id").is_in(chunk.iter().copied()))
                .and_where(Expr::col("status").eq("open"))
                .to_owned()
        })
        .await?;
        Ok(rows.into_iter().map(|m| m.mentee_id).collect())
    }

    /// [`Store::asked_mentors`] of several porteurs in one query per 500.
    pub async fn asked_mentors_of(
        &self,
        mentee_ids: &[Uuid],
    ) -> Result<std::collections::HashMap<Uuid, Vec<Uuid>>> {
        #[derive(sqlx::FromRow)]
        struct M {
            mentee_id: Uuid,
            mentor_id: Uuid,
        }
        let rows = db::fetch_by_ids::<M>(&mut &*self, mentee_ids, |chunk| {
            Query::select()
                .distinct()
                .columns(["mentee_id", "mentor_id"])
                .from("mentorship_requests")
                .and_where(Expr::col("mentee_id").is_in(chunk.iter().copied()))
                .to_owned()
        })
        .await?;
        let mut out: std::collections::HashMap<Uuid, Vec<Uuid>> = std::collections::HashMap::new();
        for m in rows {
            out.entry(m.mentee_id).or_default().push(m.mentor_id);
        }
        Ok(out)
    }

    /// Mentors of a circle (or all), optionally of one vetting status, newest first.
    pub async fn mentors_of(
        &self,
        circle_id: Option<Uuid>,
        status: Option<&str>,
    ) -> Result<Vec<MentorProfile>> {
        let mut q = mentor_select();
        if let Some(c) = circle_id {
            q.and_where(Expr::col(("mentors", "circle_id")).eq(c));
        }
        if let Some(s) = status {
            q.and_where(Expr::col(("mentors", "status")).eq(s));
        }
        q.order_by(("mentors", "created_at"), Order::Desc);
        db::fetch_all(&mut &*self, &q).await
    }

    /// Approved mentors, with or without a free place, by first name: the directory's
    /// index (which knows who has a place).
    pub async fn approved_mentors(&self) -> Result<Vec<MentorProfile>> {
        let mut q = mentor_select();
        q.and_where(Expr::col(("mentors", "status")).eq("approved"));
        q.order_by(("users", "first_name"), Order::Asc);
        db::fetch_all(&mut &*self, &q).await
    }
}

impl Tx {
    /// Records (or replaces) a mentor application, back to "submitted".
    pub async fn submit_mentor_application(
        &mut self,
        a: &MentorApplication,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let q = Query::insert()
            .into_table("mentors")
            .columns([
                "user_id",
                "circle_id",
                "commune_code",
                "bio",
                "status",
                "capacity",
                "travel_km",
                "remote",
                "languages",
                "availability",
                "charter_version",
                "charter_accepted_at",
                "created_at",
                "event_id",
            ])
            .values_panic([
                a.user_id.into(),
                a.circle_id.into(),
                a.commune_code.as_str().into(),
                a.bio.as_str().into(),
                "submitted".into(),
                a.capacity.into(),
                a.travel_km.into(),
                a.remote.into(),
                a.languages.as_str().into(),
                a.availability.as_str().into(),
                a.charter_version.as_str().into(),
                now.into(),
                now.into(),
                a.event_id.into(),
            ])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        if db::execute(self, &q).await? == 0 {
            return Err(StoreError::Conflict {
                constraint: "mentors_pkey".into(),
            });
        }
        for (code, years) in &a.domains {
            let q = Query::insert()
                .into_table("mentor_domains")
                .columns(["user_id", "domain_code", "years"])
                .values_panic([a.user_id.into(), code.as_str().into(), (*years).into()])
                .to_owned();
            db::execute(self, &q).await?;
        }
        Ok(())
    }

    /// Moves a mentor application to `status`, with the vetting facts that come with it.
    pub async fn set_vetting(
        &mut self,
        user_id: Uuid,
        status: Vetting,
        interview_on: Option<DateTime<Utc>>,
        background_checked_by: Option<Uuid>,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let mut q = Query::update();
        // A coordinator's decision: whatever paused the mentor before is replaced.
        q.table("mentors")
            .value("status", status.as_str())
            .value("pause_reason", Option::<String>::None)
            .value("paused_until", Option::<DateTime<Utc>>::None)
            .and_where(Expr::col("user_id").eq(user_id));
        if let Some(day) = interview_on {
            q.value("interview_on", day);
        }
        if let Some(checker) = background_checked_by {
            q.value("background_checked_at", now)
                .value("background_checked_by", checker);
        }
        match status {
            Vetting::Approved => {
                q.value("approved_at", now).value("decided_at", now);
            }
            Vetting::Declined => {
                q.value("decided_at", now);
            }
            _ => {}
        }
        Ok(db::execute(self, &q).await? == 1)
    }

    /// Adds a field to a mentor's profile (kept if already there).
    pub async fn add_mentor_domain(&mut self, user_id: Uuid, code: &str, years: i64) -> Result<()> {
        let q = Query::insert()
            .into_table("mentor_domains")
            .columns(["user_id", "domain_code", "years"])
            .values_panic([user_id.into(), code.into(), years.into()])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    /// Edits a field of experience's labels and synonyms (national team).
    pub async fn update_domain(&mut self, code: &str, labels: [&str; 4]) -> Result<bool> {
        let q = Query::update()
            .table("domains")
            .values([
                ("label_fr", labels[0].into()),
                ("label_en", labels[1].into()),
                ("synonyms_fr", labels[2].into()),
                ("synonyms_en", labels[3].into()),
            ])
            .and_where(Expr::col("code").eq(code))
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }
}

/// A mentor as porteurs see them before any match: first name, fields, town, what they
/// say of themselves, never an address.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct PublicMentor {
    pub user_id: Uuid,
    pub first_name: String,
    pub last_name: String,
    pub commune_code: String,
    pub bio: String,
    pub capacity: i64,
    pub active_mentees: i64,
    pub remote: bool,
    pub languages: String,
}

impl Store {
    /// A circle's approved mentors by id, after `after` (a page of `limit`), through
    /// the index on (circle, status, id) (migration 0028).
    pub async fn circle_mentors_after(
        &self,
        circle_id: Uuid,
        after: Option<Uuid>,
        limit: u64,
    ) -> Result<Vec<PublicMentor>> {
        let mut q = Query::select()
            .column(("mentors", "user_id"))
            .column(("users", "first_name"))
            .column(("users", "last_name"))
            .columns(
                [
                    "commune_code",
                    "bio",
                    "capacity",
                    "active_mentees",
                    "remote",
                    "languages",
                ]
                .map(|c| ("mentors", c)),
            )
            .from("mentors")
            .inner_join(
                "users",
                Expr::col(("users", "id")).equals(("mentors", "user_id")),
            )
            .and_where(Expr::col(("mentors", "circle_id")).eq(circle_id))
            .and_where(Expr::col(("mentors", "status")).eq(Vetting::Approved.as_str()))
            .order_by(("mentors", "user_id"), Order::Asc)
            .limit(limit)
            .to_owned();
        if let Some(after) = after {
            q.and_where(Expr::col(("mentors", "user_id")).gt(after));
        }
        db::fetch_all(&mut &*self, &q).await
    }
}
