package io.keyward.session;

import io.keyward.gateway.ConnectionSettings;

import java.time.Duration;

/**
 * A connection profile's patience and limits: how long a read and a change may take, and how large an
 * answer may be. Per profile, because a manager behind a slow proxy or with many environments to
 * deploy to needs more than the defaults.
 */
public record ProfileOptions(Duration readTimeout, Duration changeTimeout, int maxResponseMiB, ProfileNetwork network) {

    public static final ProfileOptions DEFAULTS = new ProfileOptions(ConnectionSettings.DEFAULT_READ_TIMEOUT,
            ConnectionSettings.DEFAULT_MUTATION_TIMEOUT,
            (int) (ConnectionSettings.DEFAULT_MAX_RESPONSE_BYTES / (1024 * 1024)), ProfileNetwork.DEFAULTS);

    public ProfileOptions(Duration readTimeout, Duration changeTimeout, int maxResponseMiB) {
        this(readTimeout, changeTimeout, maxResponseMiB, ProfileNetwork.DEFAULTS);
    }

    public ProfileOptions withNetwork(ProfileNetwork n) {
        return new ProfileOptions(readTimeout, changeTimeout, maxResponseMiB, n);
    }

    public ProfileOptions {
        readTimeout = readTimeout == null || readTimeout.isNegative() || readTimeout.isZero()
                ? ConnectionSettings.DEFAULT_READ_TIMEOUT : readTimeout;
        changeTimeout = changeTimeout == null || changeTimeout.isNegative() || changeTimeout.isZero()
                ? ConnectionSettings.DEFAULT_MUTATION_TIMEOUT : changeTimeout;
        network = network == null ? ProfileNetwork.DEFAULTS : network;
        if (maxResponseMiB <= 0) {
            maxResponseMiB = (int) (ConnectionSettings.DEFAULT_MAX_RESPONSE_BYTES / (1024 * 1024));
        }
    }
}
