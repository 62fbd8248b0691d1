package app.catchball.base.db;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Properties;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The embedded PostgreSQL's secrets: random passwords made on first start and kept in the data
 * folder ({@value #FILE}, readable and writable by the owner only), one for the superuser that runs
 * the migrations and one for the application's own role, which is no superuser. Every start makes
 * the server match them: both roles have their password and {@code pg_hba.conf} allows
 * scram-sha-256 password authentication only, so a data folder from a release that trusted every
 * local connection is locked down on its first start with this one.
 */
record EmbeddedCredentials(String superuserPassword, String appPassword) {

    static final String FILE = "catchball-credentials.properties";
    static final String SUPERUSER = "postgres";
    static final String APP_ROLE = "catchball";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    static final String HBA = """
            # Written by Catchball on every start: password authentication (scram-sha-256) only.
            # The passwords are in %s in this folder.
            local all all scram-sha-256
            host  all all 127.0.0.1/32 scram-sha-256
            host  all all ::1/128 scram-sha-256
            """.formatted(FILE);

    /** The folder's credentials, or new ones (written by {@link #lockDown} once the server runs). */
    static EmbeddedCredentials readOrCreate(Path dataFolder) throws IOException {
        Path file = dataFolder.resolve(FILE);
        if (Files.exists(file)) {
            Properties p = new Properties();
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(in);
            }
            String superuser = p.getProperty("superuser-password");
            String app = p.getProperty("app-password");
            if (superuser != null && app != null && superuser.matches(SECRET) && app.matches(SECRET)) {
                return new EmbeddedCredentials(superuser, app);
            }
        }
        return new EmbeddedCredentials(secret(), secret());
    }

    private static final String SECRET = "[A-Za-z0-9_-]{32,}";

    private static String secret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Keeps the secrets in the data folder (owner-only), gives both roles their password, makes the
     * application's role a plain login role, and allows password authentication only.
     */
    void lockDown(Path dataFolder, DataSource superuser) throws IOException, SQLException {
        write(dataFolder.resolve(FILE));
        try (Connection c = superuser.getConnection(); Statement s = c.createStatement()) {
            // The secrets are URL-safe Base64 (checked when read), so they can stand in a literal.
            s.execute("alter role " + SUPERUSER + " password '" + superuserPassword + "'");
            s.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + APP_ROLE + "') then "
                    + "create role " + APP_ROLE + "; end if; end $$");
            s.execute("alter role " + APP_ROLE + " login nosuperuser nocreatedb nocreaterole noreplication nobypassrls"
                    + " password '" + appPassword + "'");
            Path hba = dataFolder.resolve("pg_hba.conf");
            if (!Files.exists(hba) || !Files.readString(hba).equals(HBA)) {
                // Rewritten in place, so that the file keeps the owner the server can read it as.
                Files.writeString(hba, HBA);
                s.execute("select pg_reload_conf()");
            }
        }
    }

    /** Never the secrets themselves, should this ever be logged. */
    @Override
    public String toString() {
        return "EmbeddedCredentials[kept in " + FILE + "]";
    }

    private void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("superuser-password", superuserPassword);
        p.setProperty("app-password", appPassword);
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        }
        Files.setPosixFilePermissions(file, OWNER_ONLY);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(out, "Catchball's embedded PostgreSQL: keep this file private");
        }
    }
}
