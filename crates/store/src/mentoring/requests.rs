//! Requests to mentors: reads, the three-open rule, answering with capacity held, expiry and reminders.

use super::*;

impl Store {
    pub async fn request(&self, id: Uuid) -> Result<Option<RequestRecord>> {
        let q = Query::select()
            .columns(REQUEST_COLUMNS)
            .from("mentorship_requests")
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        db::fetch_optional(&mut &*self, &q).await
    }

    /// Requests involving a person (as mentor or porteur), newest first.
    pub async fn requests_of(&self, user_id: Uuid) -> Result<Vec<RequestRecord>> {
        let q = Query::select()
            .columns(REQUEST_COLUMNS)
            .from("mentorship_requests")
            .cond_where(
                Cond::any()
                    .add(Expr::col("mentor_id").eq(user_id))
                    .add(Expr::col("mentee_id").eq(user_id)),
            )
            .order_by("created_at", Order::Desc)
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    /// Open requests made before `before` and not reminded yet.
    pub async fn requests_to_remind(&self, before: DateTime<Utc>) -> Result<Vec<RequestRecord>> {
        let q = Query::select()
            .columns(REQUEST_COLUMNS)
            .from("mentorship_requests")
            .and_where(Expr::col("status").eq("open"))
            .and_where(Expr::col("created_at").lt(before))
            .and_where(Expr::col("reminded_at").is_null())
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }

    /// Open requests made before `before` (to expire).
    pub async fn requests_to_expire(&self, before: DateTime<Utc>) -> Result<Vec<RequestRecord>> {
        let q = Query::select()
            .columns(REQUEST_COLUMNS)
            .from("mentorship_requests")
            .and_where(Expr::col("status").eq("open"))
            .and_where(Expr::col("created_at").lt(before))
            .to_owned();
        db::fetch_all(&mut &*self, &q).await
    }
}

impl Tx {
    pub async fn open_requests_of_mentee(&mut self, mentee_id: Uuid) -> Result<i64> {
        let q = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("mentorship_requests")
            .and_where(Expr::col("mentee_id").eq(mentee_id))
            .and_where(Expr::col("status").eq("open"))
            .to_owned();
        Ok(db::fetch_one::<Count>(self, &q).await?.n)
    }

    /// Whether the pair already had a declined, withdrawn, expired or closed request.
    pub async fn pair_history(&mut self, mentee_id: Uuid, mentor_id: Uuid) -> Result<i64> {
        let q = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("mentorship_requests")
            .and_where(Expr::col("mentee_id").eq(mentee_id))
            .and_where(Expr::col("mentor_id").eq(mentor_id))
            .to_owned();
        Ok(db::fetch_one::<Count>(self, &q).await?.n)
    }

    pub async fn insert_request(&mut self, r: &RequestRecord) -> Result<()> {
        let q = Query::insert()
            .into_table("mentorship_requests")
            .columns([
                "id",
                "project_id",
                "mentee_id",
                "mentor_id",
                "message",
                "status",
                "created_at",
                "reasons",
            ])
            .values_panic([
                r.id.into(),
                r.project_id.into(),
                r.mentee_id.into(),
                r.mentor_id.into(),
                r.message.as_str().into(),
                "open".into(),
                r.created_at.into(),
                r.reasons.as_str().into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        Ok(())
    }

    /// Moves an open request to `status` (declined, withdrawn, expired, closed).
    pub async fn end_request(
        &mut self,
        id: Uuid,
        status: mentorat_domain::RequestStatus,
        reason: Option<&str>,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<bool> {
        let q = Query::update()
            .table("mentorship_requests")
            .value("status", status.as_str())
            .value("decline_reason", reason.map(str::to_owned))
            .value("decline_text", text)
            .value("answered_at", now)
            .and_where(Expr::col("id").eq(id))
            .and_where(Expr::col("status").eq("open"))
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }

    /// Accepts an open request if the mentor has a free place: the place is taken by a
    /// conditional UPDATE, so two racing accepts cannot both get the last one. Returns
    /// the new mentorship, or `None` when the mentor is full or the request is gone.
    pub async fn accept_request(
        &mut self,
        request: &RequestRecord,
        now: DateTime<Utc>,
    ) -> Result<Option<Uuid>> {
        let place = Query::update()
            .table("mentors")
            .value("active_mentees", Expr::col("active_mentees").add(1))
            .and_where(Expr::col("user_id").eq(request.mentor_id))
            .and_where(Expr::col("status").eq("approved"))
            .and_where(Expr::col("active_mentees").lt(Expr::col("capacity")))
            .to_owned();
        if db::execute(self, &place).await? == 0 {
            return Ok(None);
        }
        let accepted = Query::update()
            .table("mentorship_requests")
            .value("status", "accepted")
            .value("answered_at", now)
            .and_where(Expr::col("id").eq(request.id))
            .and_where(Expr::col("status").eq("open"))
            .to_owned();
        if db::execute(self, &accepted).await? == 0 {
            return Err(StoreError::Conflict {
                constraint: "request_not_open".into(),
            });
        }
        let id = Uuid::new_v4();
        let q = Query::insert()
            .into_table("mentorships")
            .columns([
                "id",
                "request_id",
                "mentor_id",
                "mentee_id",
                "project_id",
                "status",
                "started_at",
            ])
            .values_panic([
                id.into(),
                request.id.into(),
                request.mentor_id.into(),
                request.mentee_id.into(),
                request.project_id.into(),
                "active".into(),
                now.into(),
            ])
            .to_owned();
        db::execute(self, &q).await?;
        let project = Query::update()
            .table("projects")
            .value("status", "matched")
            .and_where(Expr::col("id").eq(request.project_id))
            .to_owned();
        db::execute(self, &project).await?;
        Ok(Some(id))
    }

    /// Closes the other open requests of a porteur (after one was accepted); returns them.
    pub async fn close_other_requests(
        &mut self,
        mentee_id: Uuid,
        except: Uuid,
        now: DateTime<Utc>,
    ) -> Result<Vec<RequestRecord>> {
        let q = Query::select()
            .columns(REQUEST_COLUMNS)
            .from("mentorship_requests")
            .and_where(Expr::col("mentee_id").eq(mentee_id))
            .and_where(Expr::col("status").eq("open"))
            .and_where(Expr::col("id").ne(except))
            .to_owned();
        let others: Vec<RequestRecord> = db::fetch_all(self, &q).await?;
        for r in &others {
            self.end_request(r.id, mentorat_domain::RequestStatus::Closed, None, "", now)
                .await?;
        }
        Ok(others)
    }

    pub async fn request_exists(&mut self, id: Uuid) -> Result<bool> {
        let q = Query::select()
            .expr_as(db::count_rows(), "n")
            .from("mentorship_requests")
            .and_where(Expr::col("id").eq(id))
            .to_owned();
        Ok(db::fetch_one::<Count>(self, &q).await?.n > 0)
    }

    pub async fn mark_request_reminded(&mut self, id: Uuid, now: DateTime<Utc>) -> Result<bool> {
        let q = Query::update()
            .table("mentorship_requests")
            .value("reminded_at", now)
            .and_where(Expr::col("id").eq(id))
            .and_where(Expr::col("reminded_at").is_null())
            .to_owned();
        Ok(db::execute(self, &q).await? == 1)
    }
}
