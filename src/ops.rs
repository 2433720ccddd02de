//! The operator's commands: `backup` (and `backup --verify`), `restore`, and
//! `migrate --check`. The copy itself is `mentorat_store::backup`.

use crate::progress::Bar;
use anyhow::{Context, bail};
use mentorat_app::Settings;
use mentorat_store::backup::{self, BackupSummary};
use mentorat_store::{Store, StoreOptions};
use std::fs::{File, OpenOptions};
use std::io::{BufReader, BufWriter};
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

async fn connect(url: &str) -> anyhow::Result<Store> {
    let shown = mentorat_app::config::redact_url(url);
    Store::connect(url, &StoreOptions::default())
        .await
        .with_context(|| format!("cannot open the database {shown}"))
}

fn print_summary(what: &str, s: &BackupSummary) {
    let rows: u64 = s.tables.iter().map(|(_, n)| n).sum();
    println!(
        "{what}: {} tables, {rows} rows, schema at migration {} (from {}, taken {}).",
        s.tables.len(),
        s.migration,
        s.backend,
        s.created_at
    );
}

/// `mentorat backup FILE`: a consistent copy of the configured database, readable by
/// its owner only, written beside FILE then renamed (never half a file under its name).
pub async fn backup(settings: Settings, file: &Path) -> anyhow::Result<()> {
    let store = connect(&settings.database_url).await?;
    let partial = file.with_extension("partial");
    let out = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .mode(0o600)
        .open(&partial)
        .with_context(|| format!("cannot write {}", partial.display()))?;
    let mut out = BufWriter::new(out);
    let summary = store.backup(&mut out, &mut Bar::new()).await?;
    out.into_inner()
        .map_err(|e| e.into_error())?
        .sync_all()
        .context("cannot write the backup to disk")?;
    std::fs::rename(&partial, file).with_context(|| format!("cannot write {}", file.display()))?;
    print_summary(&format!("Backup written to {}", file.display()), &summary);
    Ok(())
}

/// `mentorat backup --verify FILE`: restores the copy into a scratch SQLite database,
/// then checks its integrity and its foreign keys, and that every table holds the rows
/// the file declares.
pub async fn verify(file: &Path) -> anyhow::Result<()> {
    let scratch = tempfile::tempdir().context("cannot make a scratch folder")?;
    let url = format!("sqlite://{}", scratch.path().join("verify.db").display());
    let store = connect(&url).await?;
    let summary = restore_into(&store, file).await?;
    let problems = store.integrity_problems().await?;
    if !problems.is_empty() {
        bail!(
            "the copy restores, but its checks fail: {}",
            problems.join("; ")
        );
    }
    print_summary(&format!("{} is sound", file.display()), &summary);
    for (table, rows) in &summary.tables {
        println!("  {table}: {rows}");
    }
    Ok(())
}

/// `mentorat restore FILE [--force]`: into the configured database, which must be
/// empty (no account) unless `force`.
pub async fn restore(settings: Settings, file: &Path, force: bool) -> anyhow::Result<()> {
    let store = connect(&settings.database_url).await?;
    let accounts = store.accounts_count().await?;
    if accounts > 0 && !force {
        bail!(
            "the database is not empty ({accounts} accounts): restoring would replace its \
             content. Restore into an empty database, or add --force to replace it."
        );
    }
    // The erasures made since the backup was taken are made again after it is restored:
    // their ledger (ids and dates only) is read before the content is replaced.
    let ledger = if store.migration_version().await? >= 26 {
        store.erasure_ledger().await?
    } else {
        Vec::new()
    };
    let summary = restore_into(&store, file).await?;
    print_summary(&format!("Restored {}", file.display()), &summary);
    let app = mentorat_app::App::open(settings).await?;
    let again = app.reapply_erasures(&ledger).await?;
    println!(
        "Erasures re-applied since the backup: {again} (of {} in the ledger).",
        ledger.len()
    );
    app.deferred.settle().await;
    Ok(())
}

/// `mentorat privacy sweep`: the retention sweep now (or as of `at`), with a progress
/// bar; `dry`: only what would go.
pub async fn privacy_sweep(settings: Settings, dry: bool, at: Option<&str>) -> anyhow::Result<()> {
    let app = mentorat_app::App::open(settings).await?;
    let now = match at {
        Some(raw) => mentorat_app::clock::parse_instant(raw).ok_or_else(|| {
            anyhow::anyhow!("--at expects a day (2027-01-15) or an RFC 3339 instant")
        })?,
        None => app.now(),
    };
    let report = app.privacy_sweep(now, dry, &mut Bar::new()).await?;
    let verb = if dry { "Would clear" } else { "Cleared" };
    for (rule, keys) in &report.rules {
        println!("{verb} {:>7} {}", keys.len(), rule.key());
        if dry {
            for key in keys.iter().take(20) {
                println!("          {key}");
            }
            if keys.len() > 20 {
                println!("          … and {} more", keys.len() - 20);
            }
        }
    }
    let verb = if dry { "Would warn" } else { "Warned" };
    println!("{verb} {:>7} inactive accounts", report.warned.len());
    let verb = if dry { "Would erase" } else { "Erased" };
    println!("{verb} {:>7} accounts", report.erased.len());
    if dry {
        for id in &report.erased {
            println!("          {id}");
        }
    } else {
        app.record_privacy_sweep(now, &report).await?;
    }
    app.deferred.settle().await;
    Ok(())
}

/// `mentorat territories import-qpv FILE`: loads the ANCT's list of priority
/// neighbourhoods; prints what was added, updated and left out (with line and reason).
pub async fn import_qpv(settings: Settings, file: &Path) -> anyhow::Result<()> {
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let app = mentorat_app::App::open(settings).await?;
    let report = match app.import_qpv(&bytes, None).await {
        Ok(report) => report,
        Err(mentorat_app::AppError::Invalid { key, .. }) => {
            anyhow::bail!("{}", app.tr(mentorat_domain::Locale::En).t(key))
        }
        Err(e) => return Err(e.into()),
    };
    let tr = app.tr(mentorat_domain::Locale::En);
    for r in &report.refused {
        println!("line {} ({}): {}", r.line, r.column, tr.t(r.key));
    }
    println!(
        "QPV: {} added, {} updated, {} commune links, {} lines left out; {} QPV in all.",
        report.created,
        report.updated,
        report.communes,
        report.refused.len(),
        app.qpv_count().await?
    );
    app.deferred.settle().await;
    Ok(())
}

/// Brings `store`'s schema to the backup's version, restores, then applies the later
/// migrations this binary has.
async fn restore_into(store: &Store, file: &Path) -> anyhow::Result<BackupSummary> {
    let open = || -> anyhow::Result<BufReader<File>> {
        Ok(BufReader::new(File::open(file).with_context(|| {
            format!("cannot read {}", file.display())
        })?))
    };
    let header = backup::read_header(&mut open()?)?;
    let known = store.embedded_migrations().last().map_or(0, |(v, _)| *v);
    if header.migration > known {
        bail!(
            "the backup comes from a newer mentorat (migration {}; this binary knows up to {known})",
            header.migration
        );
    }
    let applied = store.migration_version().await?;
    if applied <= header.migration {
        store.migrate_to(header.migration).await?;
    }
    let summary = store.restore(&mut open()?, &mut Bar::new()).await?;
    store.migrate().await?;
    Ok(summary)
}

/// `mentorat migrate --check`: which migrations this binary would apply, applying none.
pub async fn check_migrations(settings: Settings) -> anyhow::Result<()> {
    let store = connect(&settings.database_url).await?;
    let applied = store.migration_version().await?;
    let embedded = store.embedded_migrations();
    let known = embedded.last().map_or(0, |(v, _)| *v);
    if applied > known {
        bail!(
            "the database is at migration {applied}, newer than this binary (up to {known}): \
             this binary must not serve it"
        );
    }
    let pending: Vec<_> = embedded.iter().filter(|(v, _)| *v > applied).collect();
    if pending.is_empty() {
        println!("The database is at migration {applied}: nothing to apply.");
    } else {
        println!(
            "The database is at migration {applied}; this binary would apply {}:",
            pending.len()
        );
        for (version, description) in pending {
            println!("  {version:04} {description}");
        }
    }
    Ok(())
}
