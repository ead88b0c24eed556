package io.keyward.ui.jwtkeys;

import io.keyward.impact.BulkImpacts;
import io.keyward.impact.JwtKeyImpact;
import io.keyward.impact.Knowledge;
import io.keyward.model.JwtKey;
import io.keyward.session.BulkRunner;
import io.keyward.session.Snapshot;
import io.keyward.ui.common.BulkDeleteDialogViewModel;
import io.keyward.ui.common.BulkDeleteDialogViewModel.Line;
import io.keyward.ui.common.BulkDeleteDialogViewModel.Row;
import io.keyward.ui.common.BulkDeleteDialogViewModel.Tone;
import io.keyward.ui.common.Where;

import java.util.ArrayList;
import java.util.List;

/**
 * Deleting many JWT keys: the confirmation (which are active, and whether the project keeps an active key:
 * several keys none of which is the last can still be the last ones together) and the run.
 */
final class BulkJwtKeyDeletion {

    static final String GONE = "It was no longer on the server when the confirmation opened; nothing was sent for it.";

    private BulkJwtKeyDeletion() {
    }

    /** "signing-2025 (id)", or the id alone for a key without a label. */
    static String name(JwtKey k) {
        return k.label().isBlank() ? k.id() : k.label() + " (" + k.id() + ")";
    }

    /** Built from one fresh snapshot: no call per key. */
    static BulkDeleteDialogViewModel<Boolean> confirmation(Snapshot s, List<JwtKey> keys, List<String> missing) {
        List<Row> rows = new ArrayList<>();
        int active = 0;
        int notSaid = 0;
        for (JwtKey k : keys) {
            String what;
            Tone tone;
            if (k.active() == null) {
                notSaid++;
                what = "the server did not say whether it is active";
                tone = Tone.UNKNOWN;
            } else if (k.isActive()) {
                active++;
                what = "tokens signed with it stop verifying";
                tone = Tone.DANGER;
            } else {
                what = "no token verifies with it now";
                tone = Tone.NORMAL;
            }
            rows.add(new Row(List.of(k.label().isBlank() ? "(no label)" : k.label(), k.id(),
                    JwtKeyListViewModel.activeText(k), what), tone));
        }
        List<Line> summary = new ArrayList<>();
        summary.add(active == 0 ? Line.plain("None of these keys is reported active.")
                : Line.danger(active + " of these " + keys.size() + " keys " + (active == 1 ? "is" : "are")
                + " active: tokens signed with " + (active == 1 ? "it" : "them") + " stop verifying."));
        if (notSaid > 0) {
            summary.add(Line.unknown("For " + notSaid + " of them the server did not say whether "
                    + (notSaid == 1 ? "it is" : "they are") + " active: tokens signed with " + (notSaid == 1 ? "it" : "them")
                    + " may be verifying now, and would stop."));
        }
        Knowledge<List<JwtKey>> left = BulkImpacts.activeAfter(keys, s.jwtKeys());
        if (left instanceof Knowledge.Known<List<JwtKey>> k) {
            if (!k.value().isEmpty()) {
                summary.add(Line.plain("Afterwards " + k.value().size() + " active " + (k.value().size() == 1 ? "key" : "keys")
                        + " of the project " + (k.value().size() == 1 ? "remains and keeps" : "remain and keep")
                        + " verifying theirs."));
            } else if (active > 0 || notSaid > 0) {
                summary.add(Line.danger("Afterwards the project has NO active key: no token of this project will verify "
                        + "until another key is created or activated."));
            } else {
                summary.add(Line.plain("The project has no other active key."));
            }
        } else {
            summary.add(Line.unknown(((Knowledge.Unknown<List<JwtKey>>) left).reason()));
        }
        BulkDeleteDialogViewModel.Impact impact = new BulkDeleteDialogViewModel.Impact(summary, rows);
        List<Line> notes = List.of(Line.danger("Deleting a JWT key is permanent: it cannot be restored, only a new key "
                + "can be created."));
        return new BulkDeleteDialogViewModel<>(new BulkDeleteDialogViewModel.Content<>("JWT key", "JWT keys", keys.size(),
                missing, "Tokens", List.of("Label", "Id", "Active", "Deleting it"), List.of(Boolean.TRUE), b -> "", "",
                b -> impact, notes), Where.of(s));
    }

    /** One item per key, each journalled with what its own confirmation would have shown. */
    static BulkRunner.Plan plan(Snapshot s, List<JwtKey> keys, List<String> missing, BulkDeleteDialogViewModel<Boolean> vm) {
        String project = s.project().name();
        List<BulkRunner.Item> items = keys.stream().map(k -> JwtKeyListViewModel.deletion(s, k,
                new DeleteJwtKeyDialogViewModel(JwtKeyImpact.of(k, s.jwtKeys()), vm.where()).impactSummary())).toList();
        return BulkRunner.Plan.of(s.connection(), s.project(), "Delete " + vm.countText(), project + " / " + vm.countText(),
                        "Deleting JWT keys", "Delete JWT key", items)
                .skipping(missing.stream().map(n -> new BulkRunner.Skipped(project + " / " + n, GONE)).toList())
                .withImpact(vm.impactSummary());
    }
}
