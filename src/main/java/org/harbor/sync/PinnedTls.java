package org.harbor.sync;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS for sync (ADR 0015). The server presents the office's key and certificate from a PKCS#12
 * key store; a field vault trusts exactly one certificate, the one its trust bundle pins (compared
 * byte for byte): no certificate authority, no system trust store, no host-name rule to get wrong.
 */
public final class PinnedTls {

    private PinnedTls() {
    }

    /** The server's context from a PKCS#12 key store holding one key and its certificate. */
    public static SSLContext server(Path keyStore, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, password);
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("the key store cannot be used for TLS", e);
        }
    }

    /** The certificate (DER) of the key store's one key entry: what goes into the trust bundle. */
    public static byte[] certificate(Path keyStore, char[] password) throws IOException {
        try (InputStream in = Files.newInputStream(keyStore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    return store.getCertificate(alias).getEncoded();
                }
            }
            throw new IOException("the key store holds no key");
        } catch (GeneralSecurityException e) {
            throw new IOException("the key store cannot be read", e);
        }
    }

    /** Reads a certificate file (PEM or DER) into DER. */
    public static byte[] readCertificate(Path file) throws IOException {
        if (Files.size(file) > 65_536) {
            throw new IOException("this file is too large to be a certificate");
        }
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            return cf.generateCertificate(new ByteArrayInputStream(Files.readAllBytes(file))).getEncoded();
        } catch (CertificateException e) {
            throw new IOException("this file is not an X.509 certificate", e);
        }
    }

    /** A client context that trusts {@code pinned} (DER) alone; {@code mismatch} is set when a server shows another. */
    static SSLContext client(byte[] pinned, AtomicBoolean mismatch) {
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            context.init(null, new TrustManager[] {new Pinned(pinned.clone(), mismatch)}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS 1.3 is not available", e);
        }
    }

    private static final class Pinned extends X509ExtendedTrustManager {
        private final byte[] pinned;
        private final AtomicBoolean mismatch;

        Pinned(byte[] pinned, AtomicBoolean mismatch) {
            this.pinned = pinned;
            this.mismatch = mismatch;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0 || !MessageDigest.isEqual(chain[0].getEncoded(), pinned)) {
                mismatch.set(true);
                throw new CertificateException("the server's certificate is not the pinned one");
            }
            chain[0].checkValidity();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("not a server");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
