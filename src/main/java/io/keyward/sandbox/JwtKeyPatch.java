package io.keyward.sandbox;

/**
 * The fields a PATCH's update mask named, with their new values; null means "not in the mask".
 */
record JwtKeyPatch(Boolean active, String label) {
}
