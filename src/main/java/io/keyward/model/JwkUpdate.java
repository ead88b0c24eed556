package io.keyward.model;

/** Body of a JWK update. Either field may be null: the server then keeps the current value. */
public record JwkUpdate(String name, String description) {
}
