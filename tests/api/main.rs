//! The integration suite: the real server on 127.0.0.1:0 with its own fresh database
//! per test (SQLite, or PostgreSQL when MENTORAT_TEST_POSTGRES_URL is set).

mod abuse;
mod accounts;
mod api_v1;
mod association;
mod auth;
mod backup;
mod circles_admin;
mod cli;
mod demo;
mod events;
mod helpers;
mod i18n;
mod ics_check;
mod impact;
mod import;
mod import_others;
mod input;
mod kept_pages;
mod logs;
mod matrix;
mod mentoring;
mod metrics;
mod pages;
mod prg;
mod privacy;
mod qpv;
mod routes;
mod scale;
mod security;
mod settings;
mod smtp;
mod statements;
mod territories;
mod weights;
mod writes;
