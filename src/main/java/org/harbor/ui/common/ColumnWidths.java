package org.harbor.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.util.Subscription;

/**
 * Table columns as wide as their heading and their cells, in every language (issue 19): a
 * column never gets less than that, so neither "Kích thước" nor a date in Portuguese ends in "…".
 * Free text (a file's name, a person's) is given room up to {@link #WIDEST} and may be cut past it.
 */
public final class ColumnWidths {

    /** The widest a column grows for its content. */
    static final double WIDEST = 360;
    /** A cell's padding and a heading's sort arrow. */
    private static final double EXTRA = 28;
    /** The font of harbor.css (.root), bold for headings. */
    private static final Font CELL = Font.font("DejaVu Sans", 14);
    private static final Font HEADING = Font.font("DejaVu Sans", FontWeight.BOLD, 14);

    private ColumnWidths() {
    }

    /** Fits every column of {@code table} now and whenever its rows change; release the subscription with the view. */
    public static <T> Subscription fit(TableView<T> table) {
        Runnable fit = () -> table.getColumns().forEach(column -> fit(table, column));
        fit.run();
        return table.getItems().subscribe(fit);
    }

    private static <T> void fit(TableView<T> table, TableColumn<T, ?> column) {
        double widest = width(column.getText(), HEADING);
        for (T row : table.getItems()) {
            ObservableValue<?> value = column.getCellObservableValue(row);
            if (value != null && value.getValue() != null) {
                widest = Math.max(widest, width(value.getValue().toString(), CELL));
            }
        }
        double wanted = Math.min(WIDEST, Math.ceil(widest + EXTRA));
        column.setMinWidth(wanted);
        if (column.getPrefWidth() < wanted) {
            column.setPrefWidth(wanted);
        }
    }

    private static double width(String text, Font font) {
        if (text == null || text.isEmpty()) {
            return 0;
        }
        Text measure = new Text(text);
        measure.setFont(font);
        return measure.getLayoutBounds().getWidth();
    }
}
