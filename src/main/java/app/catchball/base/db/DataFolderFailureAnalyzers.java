package app.catchball.base.db;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Start-up failures of the embedded database's data folder, told as cause and fix (META-INF/spring.factories). */
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
}
