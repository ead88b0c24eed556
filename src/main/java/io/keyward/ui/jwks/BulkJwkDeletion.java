package io.keyward.ui.jwks;

import io.keyward.impact.BulkImpacts;
import io.keyward.impact.Impacts;
import io.keyward.impact.Knowledge;
import io.keyward.impact.SlotHolding;
import io.keyward.model.CredentialSlot;
import io.keyward.model.Jwk;
import io.keyward.session.BulkRunner;
import io.keyward.session.Snapshot;
import io.keyward.ui.common.BulkDeleteDialogViewModel;
import io.keyward.ui.common.BulkDeleteDialogViewModel.Line;
import io.keyward.ui.common.BulkDeleteDialogViewModel.Row;
import io.keyward.ui.common.BulkDeleteDialogViewModel.Tone;
import io.keyward.ui.common.Where;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Deleting many JWKs: the confirmation (every credential slot holding each) and the run (public for the screenshots). */
public final class BulkJwkDeletion {

    static final String GONE = "It was no longer on the server when the confirmation opened; nothing was sent for it.";

    private BulkJwkDeletion() {
    }

    /** Built from one fresh snapshot: no call per JWK. */
    public static BulkDeleteDialogViewModel<Boolean> confirmation(Snapshot s, List<Jwk> jwks, List<String> missing) {
        Knowledge<Map<String, List<SlotHolding>>> holders = BulkImpacts.holdersByJwk(jwks, s.credentials());
        List<Row> rows = new ArrayList<>();
        List<Line> summary = new ArrayList<>();
        if (holders instanceof Knowledge.Known<Map<String, List<SlotHolding>>> known) {
            int slots = 0;
            int held = 0;
            java.util.Set<CredentialSlot> slotKinds = java.util.EnumSet.noneOf(CredentialSlot.class);
            for (Jwk j : jwks) {
                List<SlotHolding> by = known.value().getOrDefault(j.name(), List.of());
                if (by.isEmpty()) {
                    rows.add(new Row(List.of(j.name(), "no credential", ""), Tone.NORMAL));
                }
                for (SlotHolding h : by) {
                    rows.add(new Row(List.of(j.name(), h.username(), h.slot().label()), Tone.DANGER));
                    slotKinds.add(h.slot());
                }
                slots += by.size();
                held += by.isEmpty() ? 0 : 1;
            }
            summary.add(slots == 0 ? Line.plain("No credential holds any of these JWKs.")
                    : Line.danger(slots + (slots == 1 ? " credential slot holds " : " credential slots hold ") + held
                    + " of these JWKs. They are cleared and the credentials redeployed."));
            // What an emptied slot stops, once per kind of slot in the table (the table's cells stay short).
            for (CredentialSlot slot : slotKinds) {
                summary.add(Line.danger("An emptied " + slot.label() + " slot stops " + slot.purpose()
                        + " for its credential."));
            }
        } else {
            String why = ((Knowledge.Unknown<Map<String, List<SlotHolding>>>) holders).reason();
            summary.add(Line.unknown(why));
            for (Jwk j : jwks) {
                rows.add(new Row(List.of(j.name(), "cannot know", "the server does not report credential slots"),
                        Tone.UNKNOWN));
            }
        }
        BulkDeleteDialogViewModel.Impact impact = new BulkDeleteDialogViewModel.Impact(summary, rows);
        List<String> environments = s.environmentNames();
        List<Line> notes = List.of(
                Line.plain("They are undeployed from " + (environments.isEmpty() ? "every environment of the project"
                        : String.join(", ", environments)) + "."),
                Line.danger("Deletion is permanent: the key material cannot be recovered, and anything verifying "
                        + "tokens with these JWKs' kids will fail."));
        return new BulkDeleteDialogViewModel<>(new BulkDeleteDialogViewModel.Content<>("JWK", "JWKs", jwks.size(),
                missing, "Credentials holding them", List.of("JWK", "Held by", "Slot"),
                List.of(Boolean.TRUE), b -> "", "", b -> impact, notes), Where.of(s));
    }

    /** One item per JWK, each journalled with what its own confirmation would have shown. */
    public static BulkRunner.Plan plan(Snapshot s, List<Jwk> jwks, List<String> missing, BulkDeleteDialogViewModel<Boolean> vm) {
        String project = s.project().name();
        List<BulkRunner.Item> items = jwks.stream().map(j -> JwkListViewModel.deletion(s, j, new DeleteJwkDialogViewModel(
                Impacts.jwkDeletion(j, s.keys(), s.credentials(), s.environments())).impactSummary())).toList();
        return BulkRunner.Plan.of(s.connection(), s.project(), "Delete " + vm.countText(),
                        project + " / " + vm.countText(), "Deleting JWKs", "Delete JWK", items)
                .skipping(missing.stream().map(n -> new BulkRunner.Skipped(project + " / " + n, GONE)).toList())
                .withImpact(vm.impactSummary());
    }
}
