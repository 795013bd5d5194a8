package org.harbor.ui.common;

import org.harbor.Harbor;
import org.harbor.accounts.Session;

/**
 * What a screen of a signed-in user is built from: the services, the single worker thread, where
 * to go next, and whose session it is.
 */
public record ScreenContext(Harbor harbor, Background background, Navigator navigator, Session session) {
}
