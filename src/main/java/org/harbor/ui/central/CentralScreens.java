package org.harbor.ui.central;

import java.nio.file.Path;
import java.time.Clock;
import org.harbor.accounts.Role;
import org.harbor.central.CentralStore;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.ScreenContext;
import org.harbor.usecases.OpenCentralOffice;
import org.harbor.usecases.PublishCentralStatistics;
import org.harbor.i18n.I18n;
import org.harbor.ui.common.UiExecutor;

/**
 * Builds the central office screen for the shell (central vaults only): opens the central store
 * ({@link OpenCentralOffice}) and closes it when the screen goes away.
 */
public final class CentralScreens {

    private CentralScreens() {
    }

    public static Screen office(ScreenContext context) {
        OpenCentralOffice.Office office = context.useCases().openCentralOffice().open(context.session());
        return office(office.store(), context.background(), context.session().user().username(), context.session().role(),
                context.useCases().clock(),
                context.i18n(), Path.of(System.getProperty("user.home"), "harbor-statistics.csv"), office::close);
    }

    /** The screen over any central store (tests pass one on a temp vault). */
    public static Screen office(CentralStore store, UiExecutor executor, String actor, Role role, Clock clock,
                                I18n i18n, Path defaultCsv, Runnable onDispose) {
        CentralWork work = new CentralWork(store, executor, actor, role, clock);
        return new CentralOfficeView(new CentralCasesViewModel(work), new CentralQueueViewModel(work), new DuplicatesViewModel(work),
                new ConflictsViewModel(work), new CentralStatisticsViewModel(new PublishCentralStatistics(store::countCases), executor,
                role, defaultCsv), i18n, onDispose);
    }
}
