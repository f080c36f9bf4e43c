package eu.aifactory.api;

import java.time.Instant;

/** Liveness of the factory; {@code status} is {@code ok} when the database answers. */
public record Health(String status, String version, String site, Instant time) {
}
