package com.muejam.moderation;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.muejam.core.error.ApiException;
import com.muejam.core.error.ErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The moderation states and the report's guarded transition, without Spring.
 */
class ReportRulesTests {

	@Test
	void decisionsReadTheWireSpellingLeniently() {
		assertThat(Decision.fromWire(" Hide_Content ")).isEqualTo(Decision.HIDE_CONTENT);
		assertThat(Decision.fromWire("dismiss")).isEqualTo(Decision.DISMISS);
		assertThat(Decision.SUSPEND_USER.wire()).isEqualTo("suspend_user");
	}

	@Test
	void unknownDecisionNamesTheActionField() {
		assertThatThrownBy(() -> Decision.fromWire("ban")).isInstanceOfSatisfying(ApiException.class, (ex) -> {
			assertThat(ex.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
			assertThat(ex.details()).containsKey("action");
		});
	}

	@Test
	void statusesReadAnyCase() {
		assertThat(ReportStatus.fromWire(" pending")).isEqualTo(ReportStatus.PENDING);
		assertThatThrownBy(() -> ReportStatus.fromWire("LOST")).isInstanceOfSatisfying(ApiException.class,
				(ex) -> assertThat(ex.details()).containsKey("status"));
		assertThatThrownBy(() -> ReportStatus.fromWire("")).isInstanceOf(ApiException.class);
	}

	@Test
	void anOpenReportResolvesOnce() {
		Report open = new Report(UUID.randomUUID(), ReportStatus.PENDING, TargetType.STORY, UUID.randomUUID());
		assertThat(open.resolve().status()).isEqualTo(ReportStatus.RESOLVED);
		assertThatThrownBy(() -> open.resolve().resolve()).isInstanceOfSatisfying(ReportAlreadyResolved.class,
				(ex) -> assertThat(ex.code()).isEqualTo(ErrorCode.CONFLICT));
	}

	@Test
	void onlyContentCanBeHidden() {
		assertThat(TargetType.WHISPER.isContent()).isTrue();
		assertThat(TargetType.USER.isContent()).isFalse();
		assertThat(TargetType.CHAPTER.column()).isEqualTo("chapter_id");
	}

}
