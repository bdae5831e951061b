package com.muejam.core.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the {@code Idempotency-Key} support ({@code muejam.idempotency.*}).
 *
 * @param retention how long a key and its first response are replayed
 * @param lease how long a request may hold a key in progress; a key held longer (its
 * instance died) is taken over by the next request that brings it
 */
@ConfigurationProperties("muejam.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration retention, @DefaultValue("1m") Duration lease) {

}
