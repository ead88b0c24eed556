package io.keyward.ui.common;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The confirmation of a bulk deletion, whatever is deleted: how many, which selected items are already
 * gone (not sent), the combined impact as a few sentences and a table (the feature computes both, for
 * each choice it offers, e.g. keeping or deleting derived JWKs), what holds for all of them (environments,
 * permanence), and the count to type. Answers the chosen option once the count is typed.
 *
 * @param <C> the options the run may take (a single TRUE where there is no choice)
 */
public final class BulkDeleteDialogViewModel<C> {

    /** How a line or a row reads: plain, a danger, or something the server does not report. */
    public enum Tone { NORMAL, DANGER, UNKNOWN }

    public record Line(String text, Tone tone) {
        public static Line plain(String text) {
            return new Line(text, Tone.NORMAL);
        }

        public static Line danger(String text) {
            return new Line(text, Tone.DANGER);
        }

        public static Line unknown(String text) {
            return new Line(text, Tone.UNKNOWN);
        }
    }

    /** One row of the impact table, one cell per column. */
    public record Row(List<String> cells, Tone tone) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /** What the confirmation shows for one choice: sentences above the table, and the table's rows. */
    public record Impact(List<Line> summary, List<Row> rows) {
        public Impact {
            summary = List.copyOf(summary);
            rows = List.copyOf(rows);
        }
    }

    /**
     * What the feature gives the dialog.
     *
     * @param singular     "JWK"
     * @param plural       "JWKs"
     * @param count        how many will be sent (the missing ones excluded)
     * @param missing      the selected items no longer on the server, by name
     * @param impactTitle  the heading above the table, e.g. "Credentials holding them"
     * @param columns      the table's column titles
     * @param choices      the options (one: no choice is shown)
     * @param describe     an option as its radio button reads
     * @param choiceTitle  the heading above the options
     * @param impactOf     the sentences and rows for an option
     * @param notes        what holds whatever the option (environments, permanence)
     */
    public record Content<C>(String singular, String plural, int count, List<String> missing, String impactTitle,
                             List<String> columns, List<C> choices, Function<C, String> describe, String choiceTitle,
                             Function<C, Impact> impactOf, List<Line> notes) {
        public Content {
            missing = List.copyOf(missing);
            columns = List.copyOf(columns);
            choices = List.copyOf(choices);
            notes = List.copyOf(notes);
            if (choices.isEmpty()) {
                throw new IllegalArgumentException("a bulk deletion needs at least one option");
            }
        }
    }

    private final Content<C> content;
    private final Where where;
    private final ObjectProperty<C> choice;
    private final ObservableList<Line> summary = FXCollections.observableArrayList();
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ConfirmByName confirm;

    public BulkDeleteDialogViewModel(Content<C> content, Where where) {
        this.content = content;
        this.where = where;
        this.choice = new SimpleObjectProperty<>(content.choices().get(0));
        this.confirm = new ConfirmByName(String.valueOf(content.count()));
        choice.addListener((o, was, now) -> update());
        update();
    }

    private void update() {
        C c = choice.get() == null ? content.choices().get(0) : choice.get();
        Impact impact = content.impactOf().apply(c);
        summary.setAll(impact.summary());
        rows.setAll(impact.rows());
    }

    public Where where() {
        return where;
    }

    public int count() {
        return content.count();
    }

    /** "12 JWKs" / "1 JWK". */
    public String countText() {
        return content.count() + " " + (content.count() == 1 ? content.singular() : content.plural());
    }

    public String title() {
        return "Delete " + content.plural();
    }

    public String header() {
        return "Delete " + countText() + "?";
    }

    /** The confirming button: "Delete 12 JWKs". */
    public String confirmLabel() {
        return "Delete " + countText();
    }

    /** "Type 12 to delete 12 JWKs." */
    public String confirmPrompt() {
        return "Type " + content.count() + " to delete " + countText() + ".";
    }

    public List<String> missing() {
        return content.missing();
    }

    /** "2 of the selected JWKs are no longer on the server; nothing is sent for them." ("" when none) */
    public String missingSentence() {
        int n = content.missing().size();
        if (n == 0) {
            return "";
        }
        return n + " of the selected " + content.plural() + (n == 1 ? " is" : " are")
                + " no longer on the server; nothing is sent for " + (n == 1 ? "it" : "them") + ":";
    }

    public String impactTitle() {
        return content.impactTitle();
    }

    public List<String> columns() {
        return content.columns();
    }

    public List<C> choices() {
        return content.choices();
    }

    public boolean offersChoice() {
        return content.choices().size() > 1;
    }

    public String choiceTitle() {
        return content.choiceTitle();
    }

    public String describe(C option) {
        return content.describe().apply(option);
    }

    public ObjectProperty<C> choiceProperty() {
        return choice;
    }

    public ObservableList<Line> summary() {
        return summary;
    }

    public ObservableList<Row> rows() {
        return rows;
    }

    public List<Line> notes() {
        return content.notes();
    }

    public ConfirmByName confirm() {
        return confirm;
    }

    /** The chosen option, or null while the count has not been typed. */
    public C confirmedChoice() {
        return confirm.matches() ? Objects.requireNonNull(choice.get()) : null;
    }

    /** What the confirmation showed, as the journal keeps it with the run's plan (each item keeps its own). */
    public List<String> impactSummary() {
        List<String> lines = new ArrayList<>();
        if (!content.missing().isEmpty()) {
            lines.add(missingSentence() + " " + String.join(", ", content.missing()));
        }
        if (offersChoice()) {
            lines.add(content.choiceTitle() + ": " + describe(choice.get()));
        }
        summary.forEach(l -> lines.add(l.text()));
        content.notes().forEach(l -> lines.add(l.text()));
        return lines;
    }
}
