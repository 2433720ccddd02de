//! Projects: reads by id, porteur and circle, their fields, details, a parent's consent, review.

use super::*;

impl Store {
    /// A circle's projects by id, `limit` after `after` (the API's pages).
    pub async fn circle_projects_after(
        &self,
        circle_id: Uuid,
        after: Option<Uuid>,
        limit: u64,
    ) -> Result<Vec<ProjectRecord>> {
        let mut q = project_select()
            .and_where(Expr::col(("projects", "circle_id")).eq(circle_id))
            .order_by(("projects", "id"), Order::Asc)
            .limit(limit)
            .to_owned();
        if let Some(after) = after {
            q.and_where(Expr::col(("projects", "id")).gt(after));
        }
        db::fetch_all(&mut &*self, &q).await
    }

    pub async fn project(&self, id: Uuid) -> Result<Option<ProjectRecord>> {
        let q = project_select()
            .and_where(Expr::col(("projects", "id")).eq(id))
            .to_owned();
        db::fetch_optional(&mut &*self, &q).await
    }

    /// The project a parent's consent link is for.
    pub async fn project_by_consent(&self, consent_hash: &str) -> Result<Option<ProjectRecord>> {
        let q = project_select()
            .and_where(Expr::col(("projects", "consent_hash")).eq(consent_hash))
            .to_owned();
        db::fetch_optional(&mut &*self, &q).await
    }

    /// Several projects by id, in one query per 500.
    pub async fn projects_by_ids(
        &self,
        ids: &[Uuid],
    ) -> Result<std::collections::HashMap<Uuid, ProjectRecord>> {
        let rows = db::fetch_by_ids::<ProjectRecord>(&mut &*self, ids, |chunk| {
            project_select()
                .and_where(Expr::col(("projects", "id")).is_in(chunk.iter().copied()))
                .to_owned()
        })
        .await?;
        Ok(rows.into_iter().map(|p| (p.id, p)).collect())
    }

    pub async fn projects_of_mentee(&self, mentee_id: Uuid) -> Result<Vec<ProjectRecord>> {
        let q = project_select()
            .and_where(Expr::col(("projects", "mentee_id")).eq(mentee_id))
            .order_by(("projects", "created_at"), Order::Desc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    pub async fn projects_of_circle(
        &self,
        circle_id: Option<Uuid>,
        status: Option<mentorat_domain::ProjectStatus>,
    ) -> Result<Vec<ProjectRecord>> {
        self.projects_of_circles(circle_id.as_slice(), status).await
    }

    /// The projects of these circles (of all for none), `status` ones if given, oldest
    /// first.
    pub async fn projects_of_circles(
        &self,
        circles: &[Uuid],
        status: Option<mentorat_domain::ProjectStatus>,
    ) -> Result<Vec<ProjectRecord>> {
        let mut q = project_select();
        if !circles.is_empty() {
            q.and_where(Expr::col(("projects", "circle_id")).is_in(circles.iter().copied()));
        }
        if let Some(s) = status {
            q.and_where(Expr::col(("projects", "status")).eq(s.as_str()));
        }
        q.order_by(("projects", "created_at"), Order::Asc);
        db::fetch_all(&mut &*self, &q).await
    }

    /// A project's fields, by code.
    pub async fn project_domains(&self, project_id: Uuid) -> Result<Vec<String>> {
        Ok(self
            .project_domains_of(&[project_id])
            .await?
            .remove(&project_id)
            .unwrap_or_default())
    }

    /// [`Store::project_domains`] of several projects in one query per 500.
    pub async fn project_domains_of(
        &self,
        project_ids: &[Uuid],
    ) -> Result<std::collections::HashMap<Uuid, Vec<String>>> {
        #[derive(sqlx::FromRow)]
        struct D {
            project_id: Uuid,
            domain_code: String,
        }
        let rows = db::fetch_by_ids::<D>(&mut &*self, project_ids, |chunk| {
            Query::select()
                .columns(["project_id", "domain_code"])
                .from("project_domains")
                .and_where(Expr::col("project_id").is_in(chunk.iter().copied()))
                .order_by("domain_code", Order::Asc)
                .to_owned()
        })
        .await?;
        let mut out: std::collections::HashMap<Uuid, Vec<String>> =
            std::collections::HashMap::new();
        for d in rows {
            out.entry(d.project_id).or_default().push(d.domain_code);
        }
        Ok(out)
    }
}

impl Tx {
    pub async fn insert_project_details(
        &mut self,
        p: &NewProjectDetails,
        consent_hash: Option<&str>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let (parent_name, parent_email) = match &p.parent {
            Some((name, email, _)) => (Some(name.clone()), Some(email.clone())),
            None => (None, None),
        };
        let q = Query::insert()
            .into_table("projects")
            .columns([
                "id",
                "mentee_id",
                "circle_id",
                "title",
                "description",
                "commune_code",
                "status",
                "stage",
                "help_wanted",
                "languages",
                "remote",
                "birth_year",
                "parent_name",
                "parent_email",
                "consent_hash",
                "consent_notice_version",
                "created_at",
            ])
            .values_panic([
                p.id.into(),
                p.mentee_id.into(),
                p.circle_id.into(),
                p.title.as_str().into(),
                p.description.as_str().into(),
                p.commune_code.as_str().into(),
                "submitted".into(),
                p.stage.as_str().into(),
                p.help_wanted.as_str().into(),
                p.languages.as_str().into(),
                p.remote.into(),
                p.birth_year.into(),
                parent_name.into(),
                parent_email.into(),
                consent_hash.map(str::to_owned).into(),
                p.parent.as_ref().map(|(_, _, v)| v.clone()).into(),
                now.into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        for code in &p.domains {
            let q = Query::insert()
                .into_table("project_domains")
                .columns(["project_id", "domain_code"])
                .values_panic([p.id.into(), code.as_str().into()])
                .to_owned();
            db::execute(self, &q).await?;
        }
        Ok(())
    }

    /// Records a parent's consent from the e-mailed link; the project it was for.
    pub async fn give_parental_consent(
        &mut self,
        consent_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<Option<Uuid>> {
        #[derive(sqlx::FromRow)]
        struct P {
            id: Uuid,
        }
        let q = Query::update()
            .table("projects")
            .value("consent_given_at", now)
            .value("consent_withdrawn_at", Option::<DateTime<Utc>>::None)
            .and_where(Expr::col("consent_hash").eq(consent_hash))
            .returning(Query::returning().column("id"))
            .to_owned();
        Ok(db::fetch_optional::<P>(self, &q).await?.map(|p| p.id))
    }

    pub async fn withdraw_parental_consent(
        &mut self,
        consent_hash: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let q = Query::update()
            .table("projects")
            .value("consent_withdrawn_at", now)
            .and_where(Expr::col("consent_hash").eq(consent_hash))
            .and_where(Expr::col("consent_given_at").is_not_null())
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    pub async fn set_project_status(
        &mut self,
        id: Uuid,
        status: mentorat_domain::ProjectStatus,
        note: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let mut q = Query::update();
        q.table("projects")
            .value("status", status.as_str())
            .value("coordinator_note", note)
            .and_where(Expr::col("id").eq(id));
        if status == mentorat_domain::ProjectStatus::Validated {
            q.value("validated_at", now);
        }
        Ok(db::execute(self, &q).await? == 1)
    }

    pub async fn add_project_domain(&mut self, project_id: Uuid, code: &str) -> Result<()> {
        let q = Query::insert()
            .into_table("project_domains")
            .columns(["project_id", "domain_code"])
            .values_panic([project_id.into(), code.into()])
            .on_conflict(OnConflict::new().do_nothing().to_owned())
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }
}
