package io.keyward.bench;

import java.util.Map;

/** What a figure should be. Judged on printed values (see {@link Unit#printed}). */
sealed interface Target {

    /** For the table: "≤ 1.3". */
    String text();

    /** @param all every figure of the run, for targets that look at a figure's parts */
    Verdict judge(Reading figure, Unit unit, Map<String, Reading> all);

    record AtMost(double limit) implements Target {
        @Override
        public String text() {
            return "\u2264 " + plain(limit);
        }

        @Override
        public Verdict judge(Reading figure, Unit unit, Map<String, Reading> all) {
            if (!figure.measured()) {
                return Verdict.NOT_MEASURED;
            }
            return unit.printed(figure.value()) <= limit ? Verdict.met(null) : Verdict.notMet(null);
        }
    }

    record AtLeast(double limit) implements Target {
        @Override
        public String text() {
            return "\u2265 " + plain(limit);
        }

        @Override
        public Verdict judge(Reading figure, Unit unit, Map<String, Reading> all) {
            if (!figure.measured()) {
                return Verdict.NOT_MEASURED;
            }
            return unit.printed(figure.value()) >= limit ? Verdict.met(null) : Verdict.notMet(null);
        }
    }

    /**
     * The call-ratio's rule: the ratio at most {@code maxRatio}, or else the client at most
     * {@code slackMs} slower than the floor; the verdict says which held.
     */
    record RatioOrSlack(double maxRatio, double slackMs, String clientName, String floorName, String floorLabel)
            implements Target {
        @Override
        public String text() {
            return "\u2264 " + plain(maxRatio) + " or client \u2264 " + floorLabel + " + " + plain(slackMs) + " ms";
        }

        @Override
        public Verdict judge(Reading figure, Unit unit, Map<String, Reading> all) {
            Reading client = all.get(clientName);
            Reading floor = all.get(floorName);
            boolean haveParts = client != null && client.measured() && floor != null && floor.measured();
            if (!figure.measured() && !haveParts) {
                return Verdict.NOT_MEASURED;
            }
            Boolean byRatio = figure.measured() ? unit.printed(figure.value()) <= maxRatio : null;
            Boolean bySlack = haveParts
                    ? Unit.MS.printed(client.value()) <= Unit.MS.printed(floor.value()) + slackMs : null;
            String ratioText = "ratio " + (Boolean.TRUE.equals(byRatio) ? "\u2264 " : "> ") + plain(maxRatio);
            String slackText = "client " + (Boolean.TRUE.equals(bySlack) ? "\u2264" : ">") + " " + floorLabel + " + "
                    + plain(slackMs) + " ms";
            if (byRatio == null) {
                return bySlack ? Verdict.met(slackText + "; no ratio") : Verdict.notMet(slackText + "; no ratio");
            }
            if (bySlack == null) {
                return byRatio ? Verdict.met(ratioText) : Verdict.notMet(ratioText);
            }
            if (byRatio && bySlack) {
                return Verdict.met(ratioText + " and " + slackText);
            }
            if (byRatio || bySlack) {
                return Verdict.met(byRatio ? ratioText + "; " + slackText : slackText + "; " + ratioText);
            }
            return Verdict.notMet(ratioText + " and " + slackText);
        }
    }

    record None() implements Target {
        @Override
        public String text() {
            return "\u2014";
        }

        @Override
        public Verdict judge(Reading figure, Unit unit, Map<String, Reading> all) {
            return figure.measured() ? Verdict.NO_TARGET : Verdict.NOT_MEASURED;
        }
    }

    /** 1.3 as "1.3", 16.0 as "16". */
    static String plain(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
