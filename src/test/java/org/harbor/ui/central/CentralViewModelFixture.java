package org.harbor.ui.central;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.harbor.Harbor;
import org.harbor.accounts.Role;
import org.harbor.central.CentralKeys;
import org.harbor.central.CentralStore;
import org.harbor.seal.SyntheticPackages;
import org.harbor.seal.SyntheticPackages.CaseSpec;
import org.harbor.testing.MutableClock;
import org.harbor.testing.TestVaults;
import org.harbor.ui.common.UiExecutor;
import org.harbor.usecases.PublishCentralStatistics;
import org.harbor.vault.VaultKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the central screens' view-model tests share: a real central store on a temp vault with three
 * synthetic cases from two devices (one possible duplicate, one conflict), {@link UiExecutor#direct()}, no toolkit.
 */
abstract class CentralViewModelFixture {

    @TempDir
    Path dir;
    Harbor central;
    CentralKeys keys;
    CentralStore store;
    CentralWork work;
    final SyntheticPackages packages = new SyntheticPackages();
    final CaseSpec seen = CaseSpec.of("HB-1", "Mohamed Ali Hassan").born("2009-05-01").age("16").withAttachment();
    final CaseSpec again = CaseSpec.of("HB-2", "Muhammad Hassan").born("2009-05-01").age("16");
    final CaseSpec twice = CaseSpec.of("HB-3", "Lena Novak");

    @BeforeEach
    void open() throws Exception {
        central = TestVaults.open(dir.resolve("central"), MutableClock.atStart());
        central.accounts().setUp(VaultKind.CENTRAL, "olga-central", "central office pass phrase".toCharArray());
        keys = CentralKeys.of(central.vault());
        store = CentralStore.sqlite(central.vault(), keys);
        var ctx = new CentralStore.ImportContext(Instant.parse("2026-03-03T08:00:00Z"), "olga", null);
        store.importPackage(packages.pack("laptop-a", 1, List.of(seen, twice)), ctx);
        store.importPackage(packages.pack("laptop-b", 1, List.of(again)), ctx);
        store.importPackage(packages.pack("laptop-b", 2, List.of(new CaseSpec(twice.caseId(), twice.number(), "Lena Novak-Berg", List.of(),
                twice.openedAt(), null, null, null, Map.of(), List.of(), false))), ctx);
        work = new CentralWork(store, UiExecutor.direct(), "rosa", Role.CENTRAL, Clock.fixed(Instant.parse("2026-03-04T09:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        store.close();
        keys.close();
        central.close();
    }
}
