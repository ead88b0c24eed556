package io.keyward.sandbox;

/** A checked POST /jwt-keys body: the label and PEM to store (the algorithm is always RSA). */
record NewJwtKey(String label, String publicKeyPem) {
}
