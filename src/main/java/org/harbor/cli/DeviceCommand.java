package org.harbor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.harbor.crypto.Minisign;
import org.harbor.seal.EnrolledDevice;
import org.harbor.seal.TrustService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "device", description = "This vault's device key (field) and the enrolled devices (central).",
        subcommands = {DeviceCommand.Enrol.class, DeviceCommand.Add.class})
final class DeviceCommand {

    @Command(name = "enrol", description = {"Field vault: write this device's public key (minisign format) for the central office.",
        "Passphrase: line 1. Prints the device id and fingerprint to read out to the office."})
    static final class Enrol implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the public key.")
        Path out;

        @Override
        public Integer call() throws Exception {
            TrustService.DeviceKey key = login.asUser((harbor, session, input) -> harbor.trust().writeDeviceKey(session, out));
            PrintWriter w = spec.commandLine().getOut();
            w.println("device " + key.deviceId());
            w.println("fingerprint " + key.fingerprint());
            return HarborCommand.OK;
        }
    }

    @Command(name = "add", description = {"Central vault: enrol a field device from its public key file.",
        "--confirm takes the fingerprint the field supervisor reads out (printed by 'device enrol');",
        "without it, or if it differs, nothing is enrolled and the file's fingerprint is printed to compare. Passphrase: line 1."})
    static final class Add implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        LoginOptions login;
        @Option(names = "--label", required = true, description = "A name for the device, such as the laptop's asset tag.")
        String label;
        @Option(names = "--confirm", paramLabel = "FINGERPRINT", description = "The device fingerprint, as read out by the field supervisor.")
        String confirm;
        @Parameters(index = "0", paramLabel = "FILE", description = "The device's public key file.")
        Path file;

        @Override
        public Integer call() throws Exception {
            if (Files.size(file) > 4096) {
                throw new CliException("this file is too large to be a device key");
            }
            String text = Files.readString(file);
            if (confirm == null) {
                String fingerprint;
                try {
                    fingerprint = Minisign.parsePublicKey(text).fingerprint();
                } catch (Minisign.FormatException e) {
                    throw new CliException("not a device key file");
                }
                spec.commandLine().getOut().println("fingerprint " + fingerprint);
                throw new CliException("not enrolled: ask the field supervisor to read out the device fingerprint, "
                        + "compare it with the one above, then run again with --confirm and the fingerprint they read out");
            }
            EnrolledDevice device = login.asUser((harbor, session, input) -> harbor.trust().enrolDevice(session, text, label, confirm));
            spec.commandLine().getOut().println("enrolled " + device.deviceId() + " fingerprint " + device.fingerprint());
            return HarborCommand.OK;
        }
    }
}
