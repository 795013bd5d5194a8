package org.harbor.ui.central;

import java.time.Clock;
import org.harbor.central.CentralStore;
import org.harbor.ui.common.UiExecutor;

/**
 * What every central screen's view-model works with: the central store, the worker thread, who
 * acts (their user name, recorded with each decision) and the clock. Narrow on purpose: no
 * {@code Harbor}, no navigator; plain JUnit tests pass a real store and {@link UiExecutor#direct()}.
 */
public record CentralWork(CentralStore store, UiExecutor executor, String actor, Clock clock) {

    CentralStore.Act act(String reason) {
        return new CentralStore.Act(actor, clock.instant(), reason == null || reason.isBlank() ? null : reason.strip());
    }
}
