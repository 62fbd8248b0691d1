package app.catchball.base.db;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/**
 * An external PostgreSQL that cannot be reached, or that refuses the credentials, told as cause and
 * fix instead of a stack trace (registered in META-INF/spring.factories).
 */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseUnreachableFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String url = environment == null ? null : environment.getProperty("spring.datasource.url");
        String state = cause.getSQLState();
        if (url == null || url.isBlank() || state == null) {
            return null;
        }
        String reason = firstLine(cause.getMessage());
        if (state.startsWith("08")) {
            return new FailureAnalysis("Catchball cannot reach its database at " + url + " (" + reason + ").",
                    "Check that PostgreSQL is running there and accepts connections from this machine, and that "
                            + "SPRING_DATASOURCE_URL (spring.datasource.url) names the right host, port and database. "
                            + "Without that setting Catchball uses its embedded database.",
                    cause);
        }
        if (state.startsWith("28")) {
            return new FailureAnalysis("The database at " + url + " refused Catchball's credentials (" + reason + ").",
                    "Check SPRING_DATASOURCE_USERNAME and SPRING_DATASOURCE_PASSWORD (spring.datasource.username and "
                            + "spring.datasource.password), and that the database allows this user to connect.",
                    cause);
        }
        return null;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String line = message.lines().findFirst().orElse(message).strip();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
