package org.harbor.vault;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import org.harbor.i18n.Refusal;

/** One Harbor process per vault folder, held through an operating-system file lock. */
public final class InstanceLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private InstanceLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws AlreadyRunning when another process (or this one) holds the vault */
    public static InstanceLock acquire(HarborHome home) {
        try {
            Files.createDirectories(home.dir());
            FileChannel channel = FileChannel.open(home.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new AlreadyRunning();
            }
            return new InstanceLock(channel, lock);
        } catch (IOException e) {
            throw new Refusal("vault.error.unavailable", e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // closing the channel releases the lock in any case
        }
    }
}
