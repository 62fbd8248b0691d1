package app.catchball.base.db;

/** The embedded database's data folder cannot be created or written. */
class DataFolderNotWritableException extends IllegalStateException {

    private final String folder;

    DataFolderNotWritableException(String folder, Throwable cause) {
        super("Catchball cannot write its database folder " + folder + " (" + reason(cause) + ").", cause);
        this.folder = folder;
    }

    String folder() {
        return folder;
    }

    private static String reason(Throwable cause) {
        if (cause instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof java.nio.file.FileAlreadyExistsException || cause instanceof java.nio.file.NotDirectoryException) {
            return "a file stands where a folder is needed: " + ((java.nio.file.FileSystemException) cause).getFile();
        }
        if (cause instanceof java.nio.file.FileSystemException e && e.getReason() != null) {
            return e.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return cause.getMessage();
    }
}
