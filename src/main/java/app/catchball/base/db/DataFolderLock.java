package app.catchball.base.db;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.channels.OverlappingFileLockException;
import java.util.Optional;
import org.springframework.beans.factory.DisposableBean;

/**
 * One owner per embedded data folder: an operating-system lock on {@code <folder>.lock}, next to
 * the folder, held for as long as this process lives. The file names the owning process. The
 * operating system releases the lock when the process ends, however it ends (kill -9 included), so
 * a lock that can be taken means that no live Catchball owns the folder.
 */
final class DataFolderLock implements AutoCloseable, DisposableBean {

    private final Path folder;
    private final String shownAs;
    private final FileChannel channel;
    private final FileLock lock;

    private DataFolderLock(Path folder, String shownAs, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.shownAs = shownAs;
        this.channel = channel;
        this.lock = lock;
    }

    /** The data folder, absolute. */
    Path folder() {
        return folder;
    }

    /** The data folder as configured. */
    String shownAs() {
        return shownAs;
    }

    /**
     * Takes the lock for {@code folder} or fails with {@link DataFolderInUseException}, naming the
     * folder as configured ({@code shownAs}) and the owner's process id.
     */
    static DataFolderLock acquire(Path folder, String shownAs) throws IOException {
        Path file = lockFileOf(folder);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            channel.close();
            throw new DataFolderInUseException(shownAs, ProcessHandle.current().pid());
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            Optional<Long> owner = readOwner(channel);
            channel.close();
            throw new DataFolderInUseException(shownAs, owner.orElse(null));
        }
        byte[] pid = Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(pid), 0);
        channel.force(true);
        return new DataFolderLock(folder, shownAs, channel, lock);
    }

    static Path lockFileOf(Path folder) {
        return folder.resolveSibling(folder.getFileName() + ".lock");
    }

    private static Optional<Long> readOwner(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(32);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).strip();
        return text.matches("\\d{1,18}") ? Optional.of(Long.parseLong(text)) : Optional.empty();
    }

    @Override
    public void destroy() throws IOException {
        close();
    }

    @Override
    public void close() throws IOException {
        if (!channel.isOpen()) {
            return;
        }
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
