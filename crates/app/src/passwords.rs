//! Password hashing: Argon2id with the OWASP minimum (m = 19 MiB, t = 2, p = 1).

use argon2::password_hash::rand_core::OsRng;
use argon2::password_hash::{Output, ParamsString, PasswordHash, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::sync::Mutex;

pub const MEMORY_KIB: u32 = 19_456;
pub const ITERATIONS: u32 = 2;
pub const PARALLELISM: u32 = 1;

fn params() -> Params {
    Params::new(MEMORY_KIB, ITERATIONS, PARALLELISM, None)
        .expect("constant Argon2 parameters are valid")
}

/// The 19 MiB of the hashes under way, allocated once per concurrent hash and reused:
/// left to the allocator, each blocking thread's arena kept its own copy (the server
/// grew by about 270 MiB over a thousand sign-ins).
static MEMORY: Mutex<Vec<Vec<Block>>> = Mutex::new(Vec::new());

/// Runs `f` on `blocks` blocks of memory: one of the kept buffers for today's
/// parameters, a buffer of its own for an older hash's.
fn with_memory<T>(blocks: usize, f: impl FnOnce(&mut [Block]) -> T) -> T {
    if blocks != params().block_count() {
        return f(&mut vec![Block::default(); blocks]);
    }
    let kept = MEMORY.lock().unwrap_or_else(|p| p.into_inner()).pop();
    let mut memory = kept.unwrap_or_else(|| vec![Block::default(); blocks]);
    let result = f(&mut memory);
    let mut pool = MEMORY.lock().unwrap_or_else(|p| p.into_inner());
    if pool.len() < concurrent_hashes() {
        pool.push(memory);
    }
    result
}

/// The Argon2 output of `password` and `salt` under `argon`, `len` bytes long.
fn output(argon: &Argon2<'_>, password: &str, salt: &[u8], len: usize) -> Option<Output> {
    let blocks = argon.params().block_count();
    Output::init_with(len, |out| {
        with_memory(blocks, |memory| {
            argon.hash_password_into_with_memory(password.as_bytes(), salt, out, memory)
        })
        .map_err(|_| argon2::password_hash::Error::Crypto)
    })
    .ok()
}

/// Hashes a password into a PHC string that records its own parameters.
pub fn hash(password: &str) -> String {
    let salt = SaltString::generate(&mut OsRng);
    let mut raw = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut raw).expect("a generated salt decodes");
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, params());
    let hash = output(&argon, password, salt_bytes, Params::DEFAULT_OUTPUT_LEN)
        .expect("Argon2 hashing with valid parameters cannot fail");
    PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params()).expect("constant parameters encode"),
        salt: Some(salt.as_salt()),
        hash: Some(hash),
    }
    .to_string()
}

/// Whether `password` matches the stored PHC string (constant-time comparison), under
/// the parameters the string records.
pub fn verify(password: &str, phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return false;
    };
    let (Ok(algorithm), Ok(params), Some(salt), Some(expected)) = (
        Algorithm::try_from(parsed.algorithm),
        Params::try_from(&parsed),
        parsed.salt,
        parsed.hash,
    ) else {
        return false;
    };
    let version = match parsed.version.map(Version::try_from).transpose() {
        Ok(v) => v.unwrap_or_default(),
        Err(_) => return false,
    };
    let mut raw = [0u8; 64];
    let Ok(salt_bytes) = salt.decode_b64(&mut raw) else {
        return false;
    };
    let argon = Argon2::new(algorithm, version, params);
    // `Output`'s equality is constant-time.
    output(&argon, password, salt_bytes, expected.len()).is_some_and(|o| o == expected)
}

/// At most this many hashes are computed at once (each takes 19 MiB and tens of
/// milliseconds), so that a burst of sign-ins cannot exhaust memory; others queue.
pub const MAX_CONCURRENT_HASHES: usize = 2;

/// How many hashes are computed at once here: one per core the process may run on, up
/// to [`MAX_CONCURRENT_HASHES`] (on one core a second hash only doubles the time of
/// both, and keeps 19 MiB more).
pub fn concurrent_hashes() -> usize {
    static N: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    *N.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .min(MAX_CONCURRENT_HASHES)
    })
}

fn permits() -> &'static tokio::sync::Semaphore {
    static PERMITS: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    PERMITS.get_or_init(|| tokio::sync::Semaphore::new(concurrent_hashes()))
}

/// Hashes on the blocking pool, within the concurrency limit.
pub async fn hash_blocking(password: String) -> String {
    let _permit = permits()
        .acquire()
        .await
        .expect("the semaphore is never closed");
    tokio::task::spawn_blocking(move || hash(&password))
        .await
        .expect("password hashing does not panic")
}

/// Verifies on the blocking pool, within the concurrency limit.
pub async fn verify_blocking(password: String, phc: String) -> bool {
    let _permit = permits()
        .acquire()
        .await
        .expect("the semaphore is never closed");
    tokio::task::spawn_blocking(move || verify(&password, &phc))
        .await
        .expect("password verification does not panic")
}

/// Whether a stored hash is weaker than today's parameters (or not Argon2id), and
/// must be replaced at the next successful sign-in.
pub fn needs_rehash(phc: &str) -> bool {
    let Ok(parsed) = PasswordHash::new(phc) else {
        return true;
    };
    if parsed.algorithm.as_str() != "argon2id" {
        return true;
    }
    let param = |name: &str| parsed.params.get_decimal(name).unwrap_or(0);
    param("m") < MEMORY_KIB || param("t") < ITERATIONS || param("p") < PARALLELISM
}

/// A hash of nothing, verified when the account is unknown so that a sign-in takes the
/// same time whether or not the address has an account.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash("no account has this password"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use argon2::password_hash::{PasswordHasher, PasswordVerifier};

    /// Hashes stored before the memory was kept (by the crate's own API) still verify,
    /// and the crate verifies ours: the same PHC strings, the same outputs.
    #[test]
    fn hashes_agree_with_the_crates_own_hashing_both_ways() {
        let standard = Argon2::new(Algorithm::Argon2id, Version::V0x13, params());
        let theirs = standard
            .hash_password(b"mot de passe", &SaltString::generate(&mut OsRng))
            .unwrap()
            .to_string();
        assert!(verify("mot de passe", &theirs));
        assert!(!verify("mot de pass", &theirs));
        let ours = hash("mot de passe");
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(standard.verify_password(b"mot de passe", &parsed).is_ok());
        assert!(standard.verify_password(b"Mot de passe", &parsed).is_err());
    }

    #[test]
    fn a_hash_verifies_its_password_only_and_records_argon2id_parameters() {
        let h = hash("une phrase de passe assez longue");
        assert!(h.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{h}");
        assert!(verify("une phrase de passe assez longue", &h));
        assert!(!verify("une phrase de passe assez longuE", &h));
        assert!(!verify("x", "not a hash"));
        assert!(!needs_rehash(&h));
    }

    #[test]
    fn weaker_hashes_are_marked_for_upgrade() {
        let weak = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(4096, 1, 1, None).unwrap(),
        )
        .hash_password(b"secret", &SaltString::generate(&mut OsRng))
        .unwrap()
        .to_string();
        assert!(verify("secret", &weak), "old hashes still verify");
        assert!(needs_rehash(&weak));
        assert!(needs_rehash("garbage"));
    }
}
