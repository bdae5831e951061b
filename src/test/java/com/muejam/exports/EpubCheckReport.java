package com.muejam.exports;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.adobe.epubcheck.api.EPUBLocation;
import com.adobe.epubcheck.api.EpubCheck;
import com.adobe.epubcheck.api.MasterReport;
import com.adobe.epubcheck.messages.Message;
import com.adobe.epubcheck.messages.Severity;
import com.adobe.epubcheck.util.FeatureEnum;

/**
 * What the W3C's EPUBCheck says of a book: its errors (fatal ones included) and warnings,
 * each with where it was found.
 */
final class EpubCheckReport extends MasterReport {

	private final List<String> errors = new ArrayList<>();

	private final List<String> warnings = new ArrayList<>();

	/**
	 * Checks a book.
	 * @param book the EPUB's bytes
	 * @return the report
	 * @throws IOException when the book cannot be written to a temporary file
	 */
	static EpubCheckReport of(byte[] book) throws IOException {
		Path file = Files.createTempFile("checked", ".epub");
		try {
			Files.write(file, book);
			EpubCheckReport report = new EpubCheckReport();
			new EpubCheck(file.toFile(), report).check();
			return report;
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

	List<String> errors() {
		return this.errors;
	}

	List<String> warnings() {
		return this.warnings;
	}

	@Override
	public void message(Message message, EPUBLocation location, Object... args) {
		String text = message.getID() + " " + message.getMessage(args) + " at " + location;
		if (message.getSeverity() == Severity.ERROR || message.getSeverity() == Severity.FATAL) {
			this.errors.add(text);
		}
		else if (message.getSeverity() == Severity.WARNING) {
			this.warnings.add(text);
		}
	}

	@Override
	public void info(String resource, FeatureEnum feature, String value) {
	}

	@Override
	public int generate() {
		return 0;
	}

	@Override
	public void initialize() {
	}

}
