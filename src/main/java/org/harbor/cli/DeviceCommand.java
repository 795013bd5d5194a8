package org.harbor.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.harbor.seal.EnrolledDevice;
import org.harbor.seal.TrustService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "device", description = "This vault's device key (field) and the enrolled devices (central).",
        subcommands = {DeviceCommand.Enrol.class, DeviceCommand.Add.class})
final class DeviceCommand {

    @ParentCommand
    HarborCommand root;

    @Command(name = "enrol", description = {"Field vault: write this device's public key (minisign format) for the central office.",
        "Passphrase: line 1. Prints the device id and fingerprint to read out to the office."})
    static final class Enrol implements Callable<Integer> {
        @ParentCommand
        DeviceCommand parent;
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--user", required = true, description = "Your account (a supervisor).")
        String actor;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the public key.")
        Path out;

        @Override
        public Integer call() throws Exception {
            TrustService.DeviceKey key = vault.asUser(parent.root, actor,
                    (harbor, session, input) -> harbor.trust().writeDeviceKey(session, out));
            PrintWriter w = spec.commandLine().getOut();
            w.println("device " + key.deviceId());
            w.println("fingerprint " + key.fingerprint());
            return HarborCommand.OK;
        }
    }

    @Command(name = "add", description = {"Central vault: enrol a field device from its public key file.",
        "Passphrase: line 1. Compare the printed fingerprint with the one the field supervisor reads out."})
    static final class Add implements Callable<Integer> {
        @ParentCommand
        DeviceCommand parent;
        @Spec
        CommandSpec spec;
        @Mixin
        VaultOptions vault;
        @Option(names = "--user", required = true, description = "Your account (central office).")
        String actor;
        @Option(names = "--label", required = true, description = "A name for the device, such as the laptop's asset tag.")
        String label;
        @Parameters(index = "0", paramLabel = "FILE", description = "The device's public key file.")
        Path file;

        @Override
        public Integer call() throws Exception {
            if (Files.size(file) > 4096) {
                throw new CliException("this file is too large to be a device key");
            }
            String text = Files.readString(file);
            EnrolledDevice device = vault.asUser(parent.root, actor,
                    (harbor, session, input) -> harbor.trust().enrolDevice(session, text, label));
            spec.commandLine().getOut().println("enrolled " + device.deviceId() + " fingerprint " + device.fingerprint());
            return HarborCommand.OK;
        }
    }
}
