package org.harbor.ui.emergency;

import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.NodeOrientation;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.harbor.accounts.EmergencyContact;
import org.harbor.ui.common.Names;
import org.harbor.ui.common.Paragraph;
import org.harbor.ui.common.Styles;
import org.harbor.ui.common.Scrolling;

/**
 * The emergency panel (R2) as a layer over the window: a dimmed backdrop and a card with the
 * contacts, each one a stop for the keyboard that a screen reader reads whole. Esc or the close
 * button closes it; the shell puts the focus back where it was.
 */
public final class EmergencyPanel {

    private final StackPane layer;
    private final Button close;

    public EmergencyPanel(EmergencyViewModel model, Runnable onClose) {
        Label title = new Label(model.title());
        title.getStyleClass().add(Styles.TITLE);
        title.setId("emergencyTitle");
        Paragraph intro = new Paragraph(model.intro());
        VBox list = contactList(model, "emergency");
        ScrollPane scroll = Scrolling.pane(list);
        scroll.setFitToWidth(true);
        scroll.setFocusTraversable(false);
        // As tall as the contacts; the card shrinks to the window and the list scrolls only then.
        scroll.prefViewportHeightProperty().bind(list.heightProperty());
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Paragraph message = new Paragraph("");
        message.setId("emergencyMessage");
        message.contentProperty().bind(model.messageProperty());
        close = new Button(model.closeLabel());
        close.setId("emergencyClose");
        close.setOnAction(e -> onClose.run());
        VBox card = new VBox(12, title, intro, scroll, message, close);
        card.setId("emergencyPanel");
        card.getStyleClass().add(Styles.EMERGENCY_PANEL);
        card.setMaxWidth(600);
        card.setMaxHeight(Region.USE_PREF_SIZE);
        card.setMinHeight(0);
        card.setAccessibleRole(AccessibleRole.NODE);
        card.setAccessibleText(model.title());
        layer = new StackPane(card);
        layer.setPadding(new Insets(24));
        layer.setId("emergencyLayer");
        layer.getStyleClass().add(Styles.EMERGENCY_BACKDROP);
        StackPane.setAlignment(card, Pos.CENTER);
        layer.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                e.consume();
                onClose.run();
            }
        });
        // A click on the dimmed part does not reach the screen beneath.
        layer.setOnMouseClicked(e -> e.consume());
    }

    /**
     * The contacts of {@code model} as a list that follows it, each one a stop for the keyboard read
     * whole by a screen reader; ids start with {@code idPrefix} ({@code emergencyContacts},
     * {@code emergencyContact1}, {@code emergencyNumber1}, …). The panel and the danger banner (R3)
     * both show it.
     */
    public static VBox contactList(EmergencyViewModel model, String idPrefix) {
        return contactList(model, idPrefix, false);
    }

    /**
     * As {@link #contactList(EmergencyViewModel, String)}; {@code compact} puts each contact's name
     * and number on one line and leaves "when to call" to the screen reader (the danger banner).
     */
    public static VBox contactList(EmergencyViewModel model, String idPrefix, boolean compact) {
        VBox list = new VBox(compact ? 0 : 4);
        list.setId(idPrefix + "Contacts");
        model.contacts().addListener((ListChangeListener<EmergencyContact>) change -> fill(list, model, idPrefix, compact));
        fill(list, model, idPrefix, compact);
        return list;
    }

    private static void fill(VBox list, EmergencyViewModel model, String idPrefix, boolean compact) {
        list.getChildren().clear();
        int n = 0;
        for (EmergencyContact contact : model.contacts()) {
            n++;
            Paragraph name = new Paragraph(contact.name());
            name.getStyleClass().add(Styles.SECTION_TITLE);
            // A name keeps the direction of its own script (a Latin name in an Arabic window keeps
            // its brackets where they are); a number is always read left to right.
            name.setNodeOrientation(Names.direction(contact.name()));
            Label number = new Label(contact.number());
            number.setNodeOrientation(NodeOrientation.LEFT_TO_RIGHT);
            number.getStyleClass().add(Styles.EMERGENCY_NUMBER);
            number.setId(idPrefix + "Number" + n);
            Pane item = compact ? new FlowPane(12, 0, name, number) : new VBox(2, name, number);
            String when = model.when(contact);
            if (!when.isEmpty() && !compact) {
                item.getChildren().add(new Paragraph(when));
            }
            item.setId(idPrefix + "Contact" + n);
            item.getStyleClass().add(Styles.EMERGENCY_CONTACT);
            item.setFocusTraversable(true);
            item.setAccessibleRole(AccessibleRole.TEXT);
            item.setAccessibleText(model.accessibleText(contact));
            list.getChildren().add(item);
        }
    }

    public Node node() {
        return layer;
    }

    /** Where the focus goes when the panel opens. */
    public Button closeButton() {
        return close;
    }
}
