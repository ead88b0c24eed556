package io.keyward.sandbox;

record ProjectInfo(String id, String name, String description) {
}
