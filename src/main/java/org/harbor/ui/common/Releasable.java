package org.harbor.ui.common;

/**
 * A view that hooks onto objects outliving it (its view-model, the scene). {@link FxmlScreen}
 * releases the old view before it builds a new one over the same view-model (after a language
 * change) and when the screen goes away.
 */
public interface Releasable {

    /** Lets go of every listener and binding the view holds on longer-lived objects. */
    void release();
}
