package io.keyward.ui.common;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.TransformationList;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The rows a table shows: those of the source that pass the filter, in the table's sort order (the
 * source's order while it has none). A view, not a copy: it keeps which source rows it shows, in an
 * array, and nothing else per row but the row's search text.
 *
 * <p>Why not {@code FilteredList} under a {@code SortedList}: with 50,000 rows a keystroke cost a hash
 * lookup per row for its search text, a 50,000-element copy and a re-wrap of every row in the sorted
 * list, and, once sorted, a sort per keystroke. Here the search texts sit in an array beside the
 * source, the sort order is computed once per sort (and per reload), a keystroke is one scan of it, and
 * a keystroke that shows the same rows as before changes nothing at all.
 *
 * <p>Any change of the source is taken as a new list (the console replaces its lists whole). Every
 * change this view fires replaces all its rows: the rows shown before are what it removed (for a table
 * told in three steps, see {@link AllRowsChanged}, so that it keeps its cells). FX thread
 * only, like the lists it views.
 *
 * <p>The search texts of a large list (from {@value #BACKGROUND_ROWS} rows) are computed off the FX
 * thread as soon as its rows arrive, so the first keystroke after loading 50,000 rows does not do it;
 * one typed before they are ready computes the rows it needs itself. {@code searchText} must therefore
 * be a pure function of the row.
 */
public final class RowView<T> extends TransformationList<T, T> {

    /** From this many rows, search texts are computed in the background when the rows arrive. */
    static final int BACKGROUND_ROWS = 5_000;
    /** How long after the rows arrive their search texts start being computed. */
    private static final long INDEXING_DELAY_MS = 300;

    private final Function<? super T, String> searchText;
    private final ObjectProperty<Comparator<? super T>> comparator = new SimpleObjectProperty<>(this, "comparator");
    private String needle = "";
    private Predicate<? super T> restriction;
    /** Search text by source index; null until a filter first needs it. */
    private String[] keys = new String[0];
    /** Source indices in the comparator's order; null while there is none (the source's order). */
    private int[] order;
    /** The rows shown, and where each is in the source. */
    private Object[] rows = new Object[0];
    private int[] sourceIndex = new int[0];
    private int size;
    /** View index by source index (-1: not shown); built when first asked for. */
    private int[] viewIndex;
    /** Which source contents {@link #keys} belongs to: a background result for an older one is dropped. */
    private long generation;
    /**
     * The last few needles' results (source indices, in the order shown) for the current source, order and
     * restriction; emptied when any of them changes. A needle that contains one of them as a substring can
     * only match rows that one matched, so only those are searched; a needle seen again is not searched.
     */
    private final LinkedHashMap<String, int[]> recent = new LinkedHashMap<>();
    /** Whether a replacement is told in the steps a table keeps its cells through ({@link AllRowsChanged}). */
    private boolean forTable;
    private static final int RECENT_NEEDLES = 8;

    /**
     * @param searchText a row's lowercased text that the filter searches (called once per row and load,
     *                   when a filter first needs it)
     */
    public RowView(ObservableList<T> source, Function<? super T, String> searchText) {
        super(source);
        this.searchText = Objects.requireNonNull(searchText, "searchText");
        // Invalidation, not change: a table's comparator for a column whose direction flipped equals the old one.
        comparator.addListener((javafx.beans.Observable o) -> {
            recent.clear();
            order = sortedOrder();
            refilter();
        });
        keys = new String[source.size()];
        refilter();
    }

    /**
     * Shows only the rows whose search text contains {@code lowercaseNeedle} ("" for all) and that pass
     * {@code restriction} (null for all).
     */
    public void filter(String lowercaseNeedle, Predicate<? super T> restriction) {
        this.needle = lowercaseNeedle == null ? "" : lowercaseNeedle;
        if (restriction != this.restriction) {
            recent.clear();
        }
        this.restriction = restriction;
        refilter();
    }

    /**
     * For the items of a {@code TableView}: from now on a change that replaces the rows is told in the steps
     * of {@link AllRowsChanged}, through which the table keeps its cells. Not for a {@code ListView}.
     */
    public void tellReplacementsForTable() {
        forTable = true;
    }

    /** The order the rows are shown in (null: the source's); bind it to the table's comparator. */
    public ObjectProperty<Comparator<? super T>> comparatorProperty() {
        return comparator;
    }

    @Override
    protected void sourceChanged(ListChangeListener.Change<? extends T> c) {
        keys = new String[getSource().size()];
        generation++;
        recent.clear();
        order = sortedOrder();
        refilter();
        if (keys.length >= BACKGROUND_ROWS && Platform.isFxApplicationThread()) {
            computeKeysInBackground();
        }
    }

    /** Computes every row's search text on a pool thread and hands them back to the FX thread. */
    private void computeKeysInBackground() {
        long forGeneration = generation;
        Object[] snapshot = getSource().toArray();
        // A moment later: the rows' first frame comes first; a keystroke before then computes what it needs.
        CompletableFuture.supplyAsync(() -> {
            String[] computed = new String[snapshot.length];
            for (int i = 0; i < snapshot.length; i++) {
                @SuppressWarnings("unchecked")
                T row = (T) snapshot[i];
                computed[i] = searchText.apply(row);
            }
            return computed;
        }, CompletableFuture.delayedExecutor(INDEXING_DELAY_MS, TimeUnit.MILLISECONDS)).thenAccept(computed -> Platform.runLater(() -> {
            if (generation == forGeneration && computed.length == keys.length) {
                for (int i = 0; i < computed.length; i++) {
                    if (keys[i] == null) {
                        keys[i] = computed[i];
                    }
                }
            }
        }));
    }

    private int[] sortedOrder() {
        Comparator<? super T> by = comparator.get();
        if (by == null) {
            return null;
        }
        List<? extends T> source = getSource();
        Integer[] boxed = new Integer[source.size()];
        for (int i = 0; i < boxed.length; i++) {
            boxed[i] = i;
        }
        // Stable, as SortedList is: equal rows keep the source's order.
        Arrays.sort(boxed, (a, b) -> by.compare(source.get(a), source.get(b)));
        int[] out = new int[boxed.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = boxed[i];
        }
        return out;
    }

    private void refilter() {
        List<? extends T> source = getSource();
        int n = source.size();
        boolean all = needle.isEmpty();
        // Which source rows can match, in the order shown: every row, or the fewest a recent needle matched.
        int[] candidates = null;
        boolean known = false;
        if (!all) {
            candidates = recent.get(needle);
            known = candidates != null;
            if (!known) {
                for (Map.Entry<String, int[]> e : recent.entrySet()) {
                    if (needle.contains(e.getKey()) && (candidates == null || e.getValue().length < candidates.length)) {
                        candidates = e.getValue();
                    }
                }
            }
        }
        int count = candidates == null ? n : candidates.length;
        Object[] newRows = new Object[count];
        int[] newSourceIndex = new int[count];
        int m = 0;
        for (int k = 0; k < count; k++) {
            int i = candidates != null ? candidates[k] : order == null ? k : order[k];
            T row = source.get(i);
            if (candidates == null && restriction != null && !restriction.test(row)) {
                continue;
            }
            if (!all && !known) {
                String key = keys[i];
                if (key == null) {
                    key = searchText.apply(row);
                    keys[i] = key;
                }
                if (!key.contains(needle)) {
                    continue;
                }
            }
            newRows[m] = row;
            newSourceIndex[m] = i;
            m++;
        }
        if (!all && !known) {
            recent.remove(needle);
            recent.put(needle, Arrays.copyOf(newSourceIndex, m));
            if (recent.size() > RECENT_NEEDLES) {
                recent.remove(recent.keySet().iterator().next());
            }
        }
        if (m == size && same(rows, newRows, m)) {
            sourceIndex = newSourceIndex; // the same rows (the source may have moved them)
            viewIndex = null;
            return;
        }
        Object[] before = rows;
        int sizeBefore = size;
        rows = newRows;
        sourceIndex = newSourceIndex;
        size = m;
        viewIndex = null;
        if (forTable && sizeBefore >= 2 && m >= 1) {
            fireChange(new AllRowsChanged(before, sizeBefore, m));
            return;
        }
        beginChange();
        if (sizeBefore == 0) {
            nextAdd(0, m);
        } else {
            nextReplace(0, m, rowsOf(before, sizeBefore));
        }
        endChange();
    }

    /**
     * Every row shown before replaced by every row shown now, told as three steps: the new rows added in front,
     * then all but the last old row removed, then the last old row removed. Exactly what a replacement does to
     * the list, but without a "replaced" step or one that removes every row: a {@code TableView}'s skin takes
     * either as a reason to empty each of its visible rows and cells and fill them again, which on a filter
     * keystroke over 50,000 rows cost a second style pass per cell (LoadProbe: about half of the keystroke).
     * Told this way, a row that stays where it was keeps its cells. The table's selection and focus models see
     * the first step add as many rows as the list holds and handle it as they handle a replacement.
     * {@code ListView}'s selection model does not: it shifts its selection step by step, so a list view keeps
     * plain replacements (see {@link #tellReplacementsForTable()}).
     */
    private final class AllRowsChanged extends ListChangeListener.Change<T> {
        private final Object[] before;
        private final int sizeBefore;
        private final int sizeAfter;
        private int step = -1;

        AllRowsChanged(Object[] before, int sizeBefore, int sizeAfter) {
            super(RowView.this);
            this.before = before;
            this.sizeBefore = sizeBefore;
            this.sizeAfter = sizeAfter;
        }

        @Override
        public boolean next() {
            step++;
            return step < 3;
        }

        @Override
        public void reset() {
            step = -1;
        }

        private void checkStep() {
            if (step < 0 || step > 2) {
                throw new IllegalStateException("call next() first");
            }
        }

        @Override
        public int getFrom() {
            checkStep();
            return step == 0 ? 0 : sizeAfter;
        }

        @Override
        public int getTo() {
            checkStep();
            return sizeAfter; // step 0 adds [0, sizeAfter); the removals are at sizeAfter
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<T> getRemoved() {
            checkStep();
            return switch (step) {
                case 1 -> rowsOf(before, sizeBefore - 1);
                case 2 -> List.of((T) before[sizeBefore - 1]);
                default -> List.of();
            };
        }

        @Override
        protected int[] getPermutation() {
            checkStep();
            return new int[0];
        }
    }

    private static boolean same(Object[] a, Object[] b, int n) {
        for (int i = 0; i < n; i++) {
            if (a[i] != b[i]) {
                return false;
            }
        }
        return true;
    }

    /** An unmodifiable list over the first {@code n} of {@code array} (the rows shown before a change). */
    private static <T> List<T> rowsOf(Object[] array, int n) {
        return new AbstractList<>() {
            @Override
            @SuppressWarnings("unchecked")
            public T get(int index) {
                Objects.checkIndex(index, n);
                return (T) array[index];
            }

            @Override
            public int size() {
                return n;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
        Objects.checkIndex(index, size);
        return (T) rows[index];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int getSourceIndex(int index) {
        Objects.checkIndex(index, size);
        return sourceIndex[index];
    }

    @Override
    public int getViewIndex(int index) {
        Objects.checkIndex(index, getSource().size());
        if (viewIndex == null) {
            int[] v = new int[getSource().size()];
            Arrays.fill(v, -1);
            for (int i = 0; i < size; i++) {
                v[sourceIndex[i]] = i;
            }
            viewIndex = v;
        }
        return viewIndex[index];
    }
}
