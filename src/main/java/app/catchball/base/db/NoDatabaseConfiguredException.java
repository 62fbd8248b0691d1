package app.catchball.base.db;

/** Neither an external database is configured nor the embedded one allowed (the {@code prod} profile). */
class NoDatabaseConfiguredException extends IllegalStateException {

    NoDatabaseConfiguredException() {
        super("Catchball has no database: no external PostgreSQL is configured (spring.datasource.url), and the embedded "
                + "one is off (catchball.embedded-postgres.enabled=false, as in the prod profile).");
    }
}
