package org.harbor.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("age through jagged")
class AgeTest {

    @Test
    @DisplayName("round-trips several chunks written in small pieces through a pass-through channel, even when closed twice")
    void roundTrip(@TempDir Path dir) throws Exception {
        byte[] data = new byte[300_000];
        new Random(1).nextBytes(data);
        Path file = dir.resolve("x.age");
        try (Age.Identity id = Age.generate()) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                WritableByteChannel passThrough = new WritableByteChannel() {
                    @Override
                    public int write(ByteBuffer src) throws java.io.IOException {
                        return ch.write(src);
                    }

                    @Override
                    public boolean isOpen() {
                        return true;
                    }

                    @Override
                    public void close() {
                        // the file is closed by its owner
                    }
                };
                WritableByteChannel age = Age.encrypting(passThrough, List.of(id.recipient()));
                try (age; OutputStream out = new BufferedOutputStream(Channels.newOutputStream(age), 1 << 20)) {
                    for (int i = 0; i < data.length; i += 500) {
                        out.write(data, i, Math.min(500, data.length - i));
                    }
                }
            }
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                 InputStream in = Channels.newInputStream(Age.decrypting(ch, List.of(id)))) {
                assertArrayEquals(data, in.readAllBytes());
            }
        }
    }
}
