package app.catchball.base.db;

/** Another running Catchball owns the embedded data folder. */
class DataFolderInUseException extends IllegalStateException {

    DataFolderInUseException(String folder, Long ownerPid) {
        super("Catchball is already running on " + folder
                + (ownerPid == null ? "" : " (process " + ownerPid + ")")
                + ". Stop it first, or choose another folder with --catchball.embedded-postgres.data-dir.");
    }
}
