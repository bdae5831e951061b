package com.muejam.moderation;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code status} query value in any case, as clients have always sent it; an
 * unknown value is a 400 naming {@code status}.
 */
@Component
class ReportStatusConverter implements Converter<String, ReportStatus> {

	@Override
	public ReportStatus convert(String source) {
		return ReportStatus.fromWire(source);
	}

}
