//! The `mentorat` binary: reads the configuration once, then serves the platform or
//! runs one administration command. All the work happens in the library crates.

mod match_cli;
mod ops;
mod progress;

use anyhow::Context;
use clap::{Parser, Subcommand};
use mentorat_app::{App, Settings};
use std::path::PathBuf;
use std::process::ExitCode;
use tokio::net::TcpListener;

#[derive(Parser)]
#[command(
    name = "mentorat",
    version,
    about = "The platform of the Cercles des Mentors network"
)]
struct Cli {
    /// Configuration file (optional; MENTORAT_* environment variables override it).
    #[arg(long, global = true, default_value = "mentorat.toml")]
    config: PathBuf,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the platform (the default command).
    Serve {
        /// Load the demo data before serving.
        #[arg(long)]
        demo: bool,
    },
    /// Apply the database migrations embedded in this binary.
    Migrate {
        /// Only say which migrations would be applied (and refuse a newer database).
        #[arg(long)]
        check: bool,
    },
    /// Write a consistent copy of the database to FILE while the platform runs
    /// (readable by its owner only); with --verify, check a copy instead.
    Backup {
        file: PathBuf,
        /// Restore FILE into a scratch database and check it (integrity, foreign keys,
        /// row counts, schema version); writes nothing.
        #[arg(long)]
        verify: bool,
    },
    /// Restore a backup into the configured database (SQLite or PostgreSQL), which must
    /// be empty unless --force.
    Restore {
        file: PathBuf,
        /// Replace the content of a database that is not empty.
        #[arg(long)]
        force: bool,
    },
    /// Load realistic demo data into the configured database (safe to repeat).
    Demo {
        /// Also generate the network's data set: `national` (300 circles, 10,000
        /// mentors, 30,000 porteurs…), `10x`, or a fraction of national such as `0.02`.
        #[arg(long)]
        scale: Option<String>,
    },
    /// Run the periodic sweeps once as of a date (event reminders, requests to remind
    /// or expire, quiet pairs), as `serve` does every ten minutes; for end-to-end tests
    /// and catching up after a stop.
    Sweep {
        /// `2027-01-15` (09:00 in Paris) or an RFC 3339 instant.
        #[arg(long)]
        at: String,
    },
    /// Administration tasks.
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// Privacy duties (see the privacy page and docs/OPERATIONS.md).
    Privacy {
        #[command(subcommand)]
        command: PrivacyCommand,
    },
    /// Territorial reference data kept in the database.
    Territories {
        #[command(subcommand)]
        command: TerritoriesCommand,
    },
    /// The batch matching solver on CSV files (see docs/MATCHING.md).
    Match {
        #[command(subcommand)]
        command: MatchCommand,
    },
}

#[derive(Subcommand)]
enum MatchCommand {
    /// Solve an assignment: prints `mentee,mentor,score` lines, then `total_score=… matched=…` on stderr.
    Solve {
        /// CSV with a header and lines `mentee,mentor,score` (integers).
        #[arg(long)]
        pairs: PathBuf,
        /// CSV with a header and lines `mentor,capacity`.
        #[arg(long)]
        capacities: PathBuf,
        /// As many pairs as possible first, then the best total score.
        #[arg(long)]
        matches_first: bool,
    },
    /// Write a benchmark instance (`national` or `territorial`) into a folder.
    Generate {
        #[arg(long, default_value = "national")]
        kind: String,
        #[arg(long)]
        out: PathBuf,
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        #[arg(long, default_value_t = 30_000)]
        porteurs: u64,
        #[arg(long, default_value_t = 10_000)]
        mentors: u64,
    },
}

#[derive(Subcommand)]
enum PrivacyCommand {
    /// Apply the retention periods now, as `serve` does once a day: erasures due,
    /// inactive accounts warned then erased, old records cleared.
    Sweep {
        /// Only print what would go; change nothing.
        #[arg(long)]
        dry_run: bool,
        /// As of this day (`2027-01-15`) or RFC 3339 instant instead of now.
        #[arg(long)]
        at: Option<String>,
    },
}

#[derive(Subcommand)]
enum TerritoriesCommand {
    /// Load the ANCT's list of priority neighbourhoods (QPV) from a CSV file with the
    /// columns `code_qp`, `nom_qp` and the commune codes (`insee_com`, one or several
    /// per cell); known QPV are updated, so the same file twice changes nothing.
    ImportQpv { file: PathBuf },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Create a national-team account and print a one-time link to set its password.
    Create {
        #[arg(long)]
        email: String,
    },
    /// Make a personal API token for an account and print it (once), as « Mon compte »
    /// does: for a partner's tool set up by the operator, and the API's CI checks.
    Token {
        #[arg(long)]
        email: String,
        /// `read` or `read_write`.
        #[arg(long, default_value = "read")]
        scope: String,
        /// 30, 90 or 365.
        #[arg(long, default_value_t = 30)]
        days: i64,
        /// A name to recognise it by in « Mon compte ».
        #[arg(long, default_value = "Ligne de commande")]
        label: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The solver needs neither configuration nor database.
    if let Some(Command::Match { command }) = &cli.command {
        let result = match command {
            MatchCommand::Solve {
                pairs,
                capacities,
                matches_first,
            } => match_cli::run_solve(pairs, capacities, *matches_first),
            MatchCommand::Generate {
                kind,
                out,
                seed,
                porteurs,
                mentors,
            } => match_cli::run_generate(kind, out, *seed, *porteurs, *mentors),
        };
        return match result {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("mentorat: {e:#}");
                ExitCode::FAILURE
            }
        };
    }
    let settings = match Settings::load(&cli.config) {
        Ok(settings) => settings,
        Err(e) => {
            eprintln!("mentorat: {e}");
            return ExitCode::from(2);
        }
    };
    init_logging(&settings.log, settings.log_json);
    let runtime = tokio::runtime::Runtime::new().expect("the async runtime starts");
    match runtime.block_on(run(
        cli.command.unwrap_or(Command::Serve { demo: false }),
        settings,
    )) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("mentorat: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn init_logging(filter: &str, json: bool) {
    let filter = tracing_subscriber::EnvFilter::try_new(filter)
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let logs = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false);
    // One JSON object per line for a log collector; the same fields either way (and
    // never personal data: see the request log).
    if json {
        logs.json().flatten_event(true).init();
    } else {
        logs.init();
    }
}

async fn run(command: Command, settings: Settings) -> anyhow::Result<()> {
    match command {
        Command::Serve { demo } => {
            let listen = settings.listen;
            let base_url = settings.base_url.clone();
            let app = open(settings).await?;
            if demo {
                load_demo(&app).await?;
            }
            let listener = TcpListener::bind(listen)
                .await
                .with_context(|| format!("cannot listen on {listen}"))?;
            tracing::info!(%listen, backend = ?app.store.backend(), "serving mentorat at {base_url}");
            let store = app.store.clone();
            let deferred = app.deferred.clone();
            let stop_mail = std::sync::Arc::new(tokio::sync::Notify::new());
            let mail = match mentorat_app::email::MailWorker::new(app.clone())? {
                Some(worker) => Some(tokio::spawn(worker.run(stop_mail.clone()))),
                None => {
                    tracing::info!("no SMTP server configured: e-mails stay in the outbox");
                    None
                }
            };
            let stop_jobs = std::sync::Arc::new(tokio::sync::Notify::new());
            let reminders = tokio::spawn(app.clone().run_reminders(stop_jobs.clone()));
            // Each job its own stop: a job busy when it is told keeps the permit.
            let stop_privacy = std::sync::Arc::new(tokio::sync::Notify::new());
            let privacy = tokio::spawn(app.clone().run_privacy(stop_privacy.clone()));
            let (delay, bound) = (app.settings.shutdown_delay, app.settings.shutdown_timeout);
            let state = mentorat_web::AppState::new(app);
            let draining = state.draining.clone();
            let (stop_accepting, stopped) = tokio::sync::oneshot::channel::<()>();
            let mut server = tokio::spawn(mentorat_web::serve(listener, state, async {
                let _ = stopped.await;
            }));
            // On SIGTERM: « not ready » first while still serving, then no new
            // connection, then the requests in flight finish (within the bound).
            tokio::select! {
                _ = shutdown_signal() => {}
                done = &mut server => {
                    done??;
                    anyhow::bail!("the server stopped by itself");
                }
            }
            draining.store(true, std::sync::atomic::Ordering::Relaxed);
            tracing::info!(
                delay_s = delay.as_secs(),
                "stopping: readiness answers « not ready »"
            );
            tokio::time::sleep(delay).await;
            let _ = stop_accepting.send(());
            tracing::info!("stopping: no new connection; finishing the requests in flight");
            match tokio::time::timeout(bound, &mut server).await {
                Ok(done) => done??,
                Err(_) => {
                    tracing::warn!(
                        bound_s = bound.as_secs(),
                        "requests still in flight after the bound: stopping"
                    );
                    server.abort();
                }
            }
            stop_jobs.notify_one();
            stop_privacy.notify_one();
            let _ = reminders.await;
            let _ = privacy.await;
            stop_mail.notify_one();
            if let Some(mail) = mail {
                let _ = mail.await;
            }
            // The last pages' audit entries and session touches.
            deferred.settle().await;
            store.close().await;
            Ok(())
        }
        Command::Migrate { check: true } => ops::check_migrations(settings).await,
        Command::Migrate { check: false } => {
            open(settings).await?;
            println!("Migrations applied.");
            Ok(())
        }
        Command::Backup {
            file,
            verify: false,
        } => ops::backup(settings, &file).await,
        Command::Backup { file, verify: true } => ops::verify(&file).await,
        Command::Restore { file, force } => ops::restore(settings, &file, force).await,
        Command::Demo { scale: None } => load_demo(&open(settings).await?).await,
        Command::Demo { scale: Some(scale) } => {
            let plan = mentorat_app::demo::ScalePlan::parse(&scale).map_err(anyhow::Error::msg)?;
            load_scale(&open(settings).await?, &plan).await
        }
        Command::Sweep { at } => {
            let at = mentorat_app::clock::parse_instant(&at).ok_or_else(|| {
                anyhow::anyhow!("--at expects a day (2027-01-15) or an RFC 3339 instant")
            })?;
            let (reminders, mentoring) = open(settings).await?.sweep(at).await?;
            println!(
                "Sweep as of {}: {reminders} event reminders and {mentoring} mentoring e-mails queued.",
                at.to_rfc3339()
            );
            Ok(())
        }
        Command::Privacy {
            command: PrivacyCommand::Sweep { dry_run, at },
        } => ops::privacy_sweep(settings, dry_run, at.as_deref()).await,
        Command::Territories {
            command: TerritoriesCommand::ImportQpv { file },
        } => ops::import_qpv(settings, &file).await,
        Command::Match { .. } => unreachable!("handled before the configuration is read"),
        Command::Admin {
            command: AdminCommand::Create { email },
        } => {
            let app = open(settings).await?;
            let created = app
                .create_national_team_account(&email)
                .await
                .map_err(|e| match e {
                    mentorat_app::AppError::Invalid {
                        key: "error-account-exists",
                        ..
                    } => {
                        anyhow::anyhow!("an account already exists with this e-mail address")
                    }
                    mentorat_app::AppError::Invalid { .. } => {
                        anyhow::anyhow!("invalid e-mail address")
                    }
                    other => anyhow::Error::new(other),
                })?;
            println!("National-team account created.");
            println!("Open this link within 48 hours to choose its password (it works once):");
            println!("{}", created.set_password_url);
            Ok(())
        }
        Command::Admin {
            command:
                AdminCommand::Token {
                    email,
                    scope,
                    days,
                    label,
                },
        } => {
            let app = open(settings).await?;
            let id = app
                .account_id_by_email(&email)
                .await?
                .ok_or_else(|| anyhow::anyhow!("no account has this e-mail address"))?;
            let secret = app
                .create_api_token(id, &label, &scope, &days.to_string())
                .await
                .map_err(|e| match e {
                    mentorat_app::AppError::Invalid { field, .. } => {
                        anyhow::anyhow!(
                            "invalid --{field} (scope: read or read_write; days: 30, 90 or 365)"
                        )
                    }
                    other => anyhow::Error::new(other),
                })?;
            println!("{secret}");
            Ok(())
        }
    }
}

/// Connects and migrates, naming the database in the error (without its password).
async fn open(settings: Settings) -> anyhow::Result<App> {
    let shown = mentorat_app::config::redact_url(&settings.database_url);
    App::open(settings)
        .await
        .with_context(|| format!("cannot open the database {shown}"))
}

async fn load_demo(app: &App) -> anyhow::Result<()> {
    let report = app.load_demo().await?;
    println!(
        "Demo data loaded: {} records created, {} already present. Demo accounts use the password \"{}\".",
        report.created,
        report.already_present,
        mentorat_app::demo::DEMO_PASSWORD
    );
    Ok(())
}

async fn load_scale(app: &App, plan: &mentorat_app::demo::ScalePlan) -> anyhow::Result<()> {
    let started = std::time::Instant::now();
    let report = app.load_scale(plan, &mut progress::Bar::new()).await?;
    if report.already_present {
        println!(
            "The data set of scale {} is already present: nothing to do.",
            plan.scale
        );
    } else {
        println!(
            "Data set of scale {} loaded: {} rows in {:.1} s.",
            plan.scale,
            report.rows,
            started.elapsed().as_secs_f64()
        );
    }
    let s = &report.samples;
    println!(
        "Accounts to try (password \"{}\"):",
        mentorat_app::demo::DEMO_PASSWORD
    );
    println!(
        "  coordinator of /cercles/{}: {}",
        s.coordinator.1, s.coordinator.0
    );
    for (who, address) in [
        (
            "mentor with an active mentorship",
            &s.mentor_with_mentorship,
        ),
        (
            "porteur with an active mentorship",
            &s.porteur_with_mentorship,
        ),
        ("porteur with a validated project", &s.porteur_validated),
    ] {
        if let Some(address) = address {
            println!("  {who}: {address}");
        }
    }
    println!("  partner association member: {}", s.partner);
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down");
}
