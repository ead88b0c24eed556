package io.keyward.ui.keys;

import io.keyward.impact.BulkImpacts;
import io.keyward.impact.Impacts;
import io.keyward.impact.KeyDeletionImpact;
import io.keyward.impact.Knowledge;
import io.keyward.impact.SlotHolding;
import io.keyward.model.CryptoKey;
import io.keyward.model.DerivedJwkPolicy;
import io.keyward.model.Jwk;
import io.keyward.session.BulkRunner;
import io.keyward.session.Snapshot;
import io.keyward.ui.common.BulkDeleteDialogViewModel;
import io.keyward.ui.common.BulkDeleteDialogViewModel.Line;
import io.keyward.ui.common.BulkDeleteDialogViewModel.Row;
import io.keyward.ui.common.BulkDeleteDialogViewModel.Tone;
import io.keyward.ui.common.Where;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Deleting many keys: the confirmation (the JWKs derived from each, what the one choice for all of them
 * does to each, and the credentials that lose one) and the run.
 */
final class BulkKeyDeletion {

    static final String GONE = "It was no longer on the server when the confirmation opened; nothing was sent for it.";

    private BulkKeyDeletion() {
    }

    /** Built from one fresh snapshot: no call per key. */
    static BulkDeleteDialogViewModel<DerivedJwkPolicy> confirmation(Snapshot s, List<CryptoKey> keys, List<String> missing) {
        List<KeyDeletionImpact> impacts = BulkImpacts.keyDeletions(keys, s.jwks(), s.credentials(), s.environments());
        List<String> environments = s.environmentNames();
        List<String> configured = keys.stream().flatMap(k -> k.environmentNames().stream()).distinct().toList();
        List<Line> notes = List.of(
                Line.plain("The keys are undeployed from " + (environments.isEmpty() ? "every environment of the project"
                        : String.join(", ", environments)) + "." + (configured.isEmpty() ? ""
                        : " They are configured for " + String.join(", ", configured) + ".")),
                Line.danger("Deleting the keys is permanent. Their key material cannot be recovered."));
        return new BulkDeleteDialogViewModel<>(new BulkDeleteDialogViewModel.Content<>("key", "keys", keys.size(), missing,
                "JWKs derived from them, and the credentials holding those",
                List.of("Key", "Derived JWK", "What happens to it", "Credentials losing it"),
                Arrays.asList(DerivedJwkPolicy.values()), DeleteKeyDialogViewModel::describe,
                "What to do with their derived JWKs (the same for every key)", a -> impact(impacts, a), notes),
                Where.of(s));
    }

    static BulkDeleteDialogViewModel.Impact impact(List<KeyDeletionImpact> impacts, DerivedJwkPolicy a) {
        List<Row> rows = new ArrayList<>();
        int derived = 0;
        int noId = 0;
        int slots = 0;
        String slotsUnknown = null;
        for (KeyDeletionImpact i : impacts) {
            CryptoKey key = i.key();
            Knowledge<List<SlotHolding>> losing = i.credentialsLosingJwk(a);
            if (!(i.derivedJwks() instanceof Knowledge.Known<List<Jwk>> known)) {
                noId++;
                rows.add(new Row(List.of(key.name(), "cannot know", "the server sent no key id", ""), Tone.UNKNOWN));
                continue;
            }
            if (known.value().isEmpty()) {
                rows.add(new Row(List.of(key.name(), "none", "", ""), Tone.NORMAL));
            }
            if (losing instanceof Knowledge.Unknown<List<SlotHolding>> u) {
                slotsUnknown = u.reason();
            }
            for (Jwk j : known.value()) {
                derived++;
                String losers;
                Tone tone = Tone.NORMAL;
                if (losing instanceof Knowledge.Known<List<SlotHolding>> l) {
                    List<SlotHolding> of = l.value().stream().filter(h -> h.jwkName().equals(j.name())).toList();
                    losers = a == DerivedJwkPolicy.KEEP ? "none (kept)" : of.isEmpty() ? "none"
                            : of.stream().map(h -> h.username() + " (" + h.slot().label() + ")").collect(Collectors.joining(", "));
                    slots += of.size();
                    tone = of.isEmpty() ? Tone.NORMAL : Tone.DANGER;
                } else {
                    losers = "cannot know";
                    tone = Tone.UNKNOWN;
                }
                rows.add(new Row(List.of(key.name(), j.name(), Impacts.effectOn(j, key, a), losers), tone));
            }
        }
        List<Line> summary = new ArrayList<>();
        summary.add(Line.plain(derived == 0 ? "No JWK in this project was derived from "
                + (noId == impacts.size() ? "them, as far as Keyward can tell." : "these keys.")
                : derived + (derived == 1 ? " JWK was" : " JWKs were") + " derived from these keys."));
        if (noId > 0) {
            summary.add(Line.unknown("For " + noId + (noId == 1 ? " key" : " keys") + " the server did not send an id, "
                    + "so Keyward cannot tell which JWKs were derived from " + (noId == 1 ? "it." : "them.")));
        }
        if (a == DerivedJwkPolicy.KEEP) {
            summary.add(Line.plain("No credential loses a JWK: the derived JWKs stay in place."));
        } else if (slotsUnknown != null) {
            summary.add(Line.unknown(slotsUnknown));
        } else {
            summary.add(slots == 0 ? Line.plain("No credential holds any of these JWKs.")
                    : Line.danger(slots + (slots == 1 ? " credential slot is" : " credential slots are")
                    + " cleared and those credentials are redeployed."));
        }
        return new BulkDeleteDialogViewModel.Impact(summary, rows);
    }

    /** One item per key, each journalled with what its own confirmation would have shown for the choice. */
    static BulkRunner.Plan plan(Snapshot s, List<CryptoKey> keys, List<String> missing, DerivedJwkPolicy a,
                                BulkDeleteDialogViewModel<DerivedJwkPolicy> vm) {
        String project = s.project().name();
        List<BulkRunner.Item> items = keys.stream().map(k -> {
            DeleteKeyDialogViewModel one = new DeleteKeyDialogViewModel(Impacts.keyDeletion(k, s.jwks(), s.credentials(),
                    s.environments()));
            one.actionProperty().set(a);
            return KeyListViewModel.deletion(s, k, a, one.impactSummary());
        }).toList();
        return BulkRunner.Plan.of(s.connection(), s.project(), "Delete " + vm.countText()
                                + (a == DerivedJwkPolicy.DELETE ? " (delete derived JWKs)" : " (keep derived JWKs)"),
                        project + " / " + vm.countText(), "Deleting keys", a == DerivedJwkPolicy.DELETE
                                ? "Delete key (delete derived JWKs)" : "Delete key (keep derived JWKs)", items)
                .skipping(missing.stream().map(n -> new BulkRunner.Skipped(project + " / " + n, GONE)).toList())
                .withParameter("derivedJwks", a.name())
                .withImpact(vm.impactSummary());
    }
}
