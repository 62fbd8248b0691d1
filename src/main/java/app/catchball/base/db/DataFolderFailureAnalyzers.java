package app.catchball.base.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up failures of the embedded database and its data folder, told as cause and fix (META-INF/spring.factories). */
final class DataFolderFailureAnalyzers {

    private DataFolderFailureAnalyzers() {
    }

    /** Another Catchball owns the folder: one line that says so and what to do. */
    static class InUse extends AbstractFailureAnalyzer<DataFolderInUseException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, DataFolderInUseException cause) {
            return new FailureAnalysis(cause.getMessage(), null, cause);
        }
    }

    static class NotWritable extends AbstractFailureAnalyzer<DataFolderNotWritableException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, DataFolderNotWritableException cause) {
            return new FailureAnalysis(cause.getMessage(),
                    "Choose a folder that the user running Catchball can write, with --catchball.embedded-postgres.data-dir=/path, "
                            + "or give that user write permission on " + cause.folder() + ".",
                    cause);
        }
    }

    static class NoDatabase extends AbstractFailureAnalyzer<NoDatabaseConfiguredException> {

        @Override
        protected FailureAnalysis analyze(Throwable rootFailure, NoDatabaseConfiguredException cause) {
            return new FailureAnalysis(cause.getMessage(),
                    "Production uses an external PostgreSQL: set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and "
                            + "SPRING_DATASOURCE_PASSWORD. For a trial only, CATCHBALL_EMBEDDED_POSTGRES_ENABLED=true starts the "
                            + "embedded database instead.",
                    cause);
        }
    }
}
