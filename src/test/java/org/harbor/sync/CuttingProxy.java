package org.harbor.sync;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntToLongFunction;

/**
 * A TCP relay on 127.0.0.1 in front of the sync server that cuts a connection after a chosen number
 * of bytes from the client (TLS records and all): a network that drops in the middle of an upload.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final int target;
    /** Connection number → bytes from the client after which it is cut (negative: never). */
    private volatile IntToLongFunction cutAfter = n -> -1;
    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger cuts = new AtomicInteger();

    CuttingProxy(int target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::accept);
    }

    int port() {
        return listener.getLocalPort();
    }

    void cutAfter(IntToLongFunction plan) {
        connections.set(0);
        this.cutAfter = plan;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(InetAddress.getLoopbackAddress(), target);
                long limit = cutAfter.applyAsLong(connections.getAndIncrement());
                Thread.ofVirtual().start(() -> pump(client, server, limit));
                Thread.ofVirtual().start(() -> pump(server, client, -1));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, long limit) {
        byte[] buf = new byte[8192];
        long passed = 0;
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (limit >= 0 && passed + n >= limit) {
                    out.write(buf, 0, (int) (limit - passed));
                    out.flush();
                    cuts.incrementAndGet();
                    break;
                }
                out.write(buf, 0, n);
                out.flush();
                passed += n;
            }
        } catch (IOException e) {
            // the other side closed
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException e) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
