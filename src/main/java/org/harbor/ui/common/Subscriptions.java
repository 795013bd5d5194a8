package org.harbor.ui.common;

import javafx.beans.property.Property;
import javafx.beans.value.ObservableValue;
import javafx.util.Subscription;

/**
 * What a view has hooked onto objects that outlive it (its view-model, the scene): listeners as
 * JavaFX {@link Subscription}s, and bindings, released together when the view goes away or is
 * built again (after a language change the same view-model gets a new view; the old one must stop
 * listening, or it keeps working and is never collected).
 */
public final class Subscriptions {

    private Subscription all = Subscription.EMPTY;

    /** Keeps {@code subscription} (from {@code subscribe(...)}) to release with the view. */
    public void add(Subscription subscription) {
        all = all.and(subscription);
    }

    /** Binds {@code target} to {@code source} until the view is released. */
    public <T> void bind(Property<T> target, ObservableValue<? extends T> source) {
        target.bind(source);
        add(target::unbind);
    }

    /** Binds both ways until the view is released. */
    public <T> void bindBidirectional(Property<T> field, Property<T> model) {
        field.bindBidirectional(model);
        add(() -> field.unbindBidirectional(model));
    }

    /** Releases everything kept so far; the holder can be used again for the next view. */
    public void release() {
        Subscription kept = all;
        all = Subscription.EMPTY;
        kept.unsubscribe();
    }
}
