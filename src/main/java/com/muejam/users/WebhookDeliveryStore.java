package com.muejam.users;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The Clerk webhook deliveries already applied, by {@code svix-id}, so a replayed
 * delivery has no second effect.
 */
@Component
class WebhookDeliveryStore {

	private final JdbcClient jdbc;

	WebhookDeliveryStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a delivery unless it was recorded before; safe when two copies race.
	 * @param deliveryId the delivery's {@code svix-id}
	 * @param eventType the event's type
	 * @return {@code true} if this is the first time it is seen
	 */
	boolean recordFirst(String deliveryId, String eventType) {
		return this.jdbc.sql("""
				insert into webhook_deliveries (id, event_type) values (:id, :type)
				on conflict do nothing""").param("id", deliveryId).param("type", eventType).update() > 0;
	}

}
