package io.keyward.bench;

/** Whether a figure met its target, and how (for the call-ratio's two ways). */
record Verdict(Status status, String detail) {

    enum Status { MET, NOT_MET, NOT_MEASURED, NO_TARGET }

    static Verdict met(String detail) {
        return new Verdict(Status.MET, detail);
    }

    static Verdict notMet(String detail) {
        return new Verdict(Status.NOT_MET, detail);
    }

    static final Verdict NOT_MEASURED = new Verdict(Status.NOT_MEASURED, null);
    static final Verdict NO_TARGET = new Verdict(Status.NO_TARGET, null);

    String text() {
        String word = switch (status) {
            case MET -> "yes";
            case NOT_MET -> "no";
            case NOT_MEASURED -> "not measured";
            case NO_TARGET -> "\u2014";
        };
        return detail == null ? word : word + " (" + detail + ")";
    }
}
