package com.muejam.moderation;

import java.util.Locale;

import com.muejam.core.error.ApiException;

/**
 * Where a report stands. Reporting opens it {@link #PENDING}; a moderator's decision
 * makes it {@link #RESOLVED}.
 */
enum ReportStatus {

	PENDING, REVIEWED, RESOLVED;

	/**
	 * The status a client asked for, in any case.
	 * @param value the query value
	 * @return the status
	 * @throws ApiException a 400 naming {@code status} for anything else
	 */
	static ReportStatus fromWire(String value) {
		String wanted = value.strip().toUpperCase(Locale.ROOT);
		for (ReportStatus status : values()) {
			if (status.name().equals(wanted)) {
				return status;
			}
		}
		throw ApiException.invalidField("status", "must be PENDING, REVIEWED or RESOLVED");
	}

}
