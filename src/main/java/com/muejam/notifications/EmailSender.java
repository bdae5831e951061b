package com.muejam.notifications;

/**
 * Delivers one email.
 */
interface EmailSender {

	/**
	 * Sends a message.
	 * @param message the message
	 * @return the provider's id for it
	 * @throws EmailDeliveryFailed when it could not be sent
	 */
	String send(EmailMessage message);

	/**
	 * A failed delivery; {@code retryable} tells whether trying again may help.
	 */
	class EmailDeliveryFailed extends RuntimeException {

		private final boolean retryable;

		EmailDeliveryFailed(String message, boolean retryable, Throwable cause) {
			super(message, cause);
			this.retryable = retryable;
		}

		boolean retryable() {
			return this.retryable;
		}

	}

}
