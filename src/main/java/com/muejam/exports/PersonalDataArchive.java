package com.muejam.exports;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import com.muejam.exports.PersonalDataQueries.PersonalDataFile;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Writes a user's personal data as a zip: {@code README.md}, which documents every file,
 * and one JSON file per kind of data, each read in one statement and streamed into the
 * archive.
 */
@Component
class PersonalDataArchive {

	private static final String README = "exports/personal-data-README.md";

	private final PersonalDataQueries queries;

	PersonalDataArchive(PersonalDataQueries queries) {
		this.queries = queries;
	}

	/**
	 * Writes the archive.
	 * @param userId whose data
	 * @param out where to (finished, not closed)
	 * @throws IOException when writing fails
	 */
	void write(UUID userId, OutputStream out) throws IOException {
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		zip.putNextEntry(new ZipEntry("README.md"));
		try (InputStream readme = new ClassPathResource(README).getInputStream()) {
			readme.transferTo(zip);
		}
		zip.closeEntry();
		for (PersonalDataFile file : PersonalDataFile.values()) {
			zip.putNextEntry(new ZipEntry(file.fileName));
			writeJson(file, userId, zip);
			zip.closeEntry();
		}
		zip.finish();
	}

	private void writeJson(PersonalDataFile file, UUID userId, OutputStream out) throws IOException {
		boolean[] first = { true };
		if (file.list) {
			out.write('[');
		}
		try {
			this.queries.read(file, userId, (document) -> {
				try {
					if (file.list) {
						out.write(first[0] ? "\n  ".getBytes(StandardCharsets.UTF_8)
								: ",\n  ".getBytes(StandardCharsets.UTF_8));
					}
					out.write(document.getBytes(StandardCharsets.UTF_8));
					first[0] = false;
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			});
		}
		catch (UncheckedIOException ex) {
			throw ex.getCause();
		}
		if (file.list) {
			out.write((first[0] ? "]\n" : "\n]\n").getBytes(StandardCharsets.UTF_8));
		}
		else if (first[0]) {
			out.write("{}\n".getBytes(StandardCharsets.UTF_8));
		}
		else {
			out.write('\n');
		}
	}

}
