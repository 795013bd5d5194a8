package org.harbor.attachments;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.harbor.Harbor;
import org.harbor.accounts.Session;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;

/**
 * Run in a child JVM with a small heap by {@link AttachmentHeapTest}: attaches a file of the given
 * size and reads it back, sampling the live heap (after a collection) as it goes. Prints
 * {@code before=… peak=…} in bytes.
 */
public final class AttachHeapProbe {

    private AttachHeapProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long size = Long.parseLong(args[1]);
        Path source = dir.resolve("big.bin");
        AttachmentFixtures.writeDeterministic(source, size, 11, "CANARYheap");
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        try (Harbor harbor = TestVaults.open(dir.resolve("home"), MutableClock.atStart())) {
            Session s = AttachmentFixtures.supervisor(harbor);
            String caseId = harbor.cases().create(s, null, List.of()).id();
            System.gc();
            long before = memory.getHeapMemoryUsage().getUsed();
            long[] peak = {before};
            long step = size / 10;
            long[] next = {step};
            Attachment a = harbor.attachments().attach(s, caseId, source, Optional.empty(), (done, total) -> {
                if (done >= next[0]) {
                    next[0] += step;
                    System.gc();
                    peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                }
            });
            Files.delete(source);
            BlobRef ref = harbor.attachments().blobsOf(s, caseId).getFirst();
            byte[] buffer = new byte[64 * 1024];
            long read = 0;
            try (InputStream in = harbor.attachments().openVerified(s, ref)) {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    read += n;
                    if (read >= next[0] - size) {
                        next[0] += step;
                        System.gc();
                        peak[0] = Math.max(peak[0], memory.getHeapMemoryUsage().getUsed());
                    }
                }
            }
            if (read != size || a.sizeBytes() != size) {
                throw new IllegalStateException("read back " + read + " of " + size + " bytes");
            }
            System.out.println("before=" + before + " peak=" + peak[0]);
        }
    }
}
