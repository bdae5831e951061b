package com.muejam.notifications;

/**
 * Where an outbox message is: waiting ({@code PENDING}, also between retries), claimed by
 * a worker ({@code SENDING}), delivered ({@code SENT}) or given up on ({@code FAILED}).
 */
enum OutboxStatus {

	PENDING, SENDING, SENT, FAILED

}
