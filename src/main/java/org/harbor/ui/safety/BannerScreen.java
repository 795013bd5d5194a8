package org.harbor.ui.safety;

import javafx.scene.Parent;
import javafx.scene.layout.BorderPane;
import javafx.util.Subscription;
import org.harbor.ui.common.Screen;
import org.harbor.ui.common.ScreenContext;

/**
 * A screen of one case session under the case's danger banner (R3): a form or the interview.
 * The banner sits at the top, is read again at every build (and whenever {@link #refreshWhen}
 * says), and stays until a supervisor records the action taken. The screen's own content scrolls
 * inside itself, above its fixed action bar, so the shell puts no scroll pane around it.
 */
public abstract class BannerScreen implements Screen {

    private final ScreenContext context;
    private final String caseSessionId;
    private SafetyBanner banner;
    private Subscription refreshes = Subscription.EMPTY;

    protected BannerScreen(ScreenContext context, String caseSessionId) {
        this.context = context;
        this.caseSessionId = caseSessionId;
    }

    /** Builds the screen's own content, the part under the banner. */
    protected abstract Parent content();

    /** Stops what the last {@link #content()} built (listeners, timers); called before each build and on dispose. */
    protected abstract void stopContent();

    /** Releases the view-model once the screen has gone for good. */
    protected abstract void release();

    /**
     * Whatever, besides a build, should make the banner read the case again (a form's answers,
     * say): subscribes {@code refresh} to it; nothing by default.
     */
    protected Subscription refreshWhen(Runnable refresh) {
        return Subscription.EMPTY;
    }

    @Override
    public final Parent build() {
        stop();
        Parent content = content();
        SafetyBanner shown = SafetyBanner.ofSession(context, caseSessionId);
        banner = shown;
        shown.refresh();
        refreshes = refreshWhen(shown::refresh);
        BorderPane root = new BorderPane(content);
        root.setTop(shown.node());
        return root;
    }

    private void stop() {
        stopContent();
        refreshes.unsubscribe();
        refreshes = Subscription.EMPTY;
        if (banner != null) {
            banner.dispose();
            banner = null;
        }
    }

    /** The content scrolls inside itself, under the banner and above its fixed action bar. */
    @Override
    public final boolean scrolls() {
        return false;
    }

    @Override
    public final void dispose() {
        stop();
        release();
    }
}
