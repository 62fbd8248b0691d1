package app.catchball.base.db;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import java.util.Locale;

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
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof FileAlreadyExistsException || cause instanceof NotDirectoryException) {
            return "a file stands where a folder is needed: " + ((FileSystemException) cause).getFile();
        }
        if (cause instanceof FileSystemException e && e.getReason() != null) {
            return e.getReason().toLowerCase(Locale.ROOT);
        }
        return cause.getMessage();
    }
}
