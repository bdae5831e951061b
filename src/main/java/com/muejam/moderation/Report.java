package com.muejam.moderation;

import java.util.UUID;

/**
 * A report as a moderator acts on it: its state and what it is about.
 *
 * @param id the report
 * @param status where it stands
 * @param targetType what kind of thing was reported
 * @param targetId the reported story, chapter, whisper or user
 */
record Report(UUID id, ReportStatus status, TargetType targetType, UUID targetId) {

	/**
	 * The report once a decision is made on it.
	 * @return the resolved report
	 * @throws ReportAlreadyResolved if a decision was already made
	 */
	Report resolve() {
		if (this.status == ReportStatus.RESOLVED) {
			throw new ReportAlreadyResolved();
		}
		return new Report(this.id, ReportStatus.RESOLVED, this.targetType, this.targetId);
	}

}
