package org.harbor.seal;

/** A field device the central office accepts packages from. */
public record EnrolledDevice(String deviceId, String label, String fingerprint, String enrolledAt, long lastSequence) {
}
