package com.muejam.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * The temporary files exports are written to before they are stored.
 */
final class TemporaryFiles {

	private TemporaryFiles() {
	}

	/**
	 * Writes a temporary file, deleting it again when writing fails.
	 * @param suffix the file name's suffix
	 * @param content writes the content
	 * @return the file, which the caller deletes
	 * @throws UncheckedIOException when the file cannot be written
	 */
	static Path written(String suffix, Content content) {
		@Nullable Path file = null;
		try {
			file = Files.createTempFile("export", suffix);
			try (OutputStream out = Files.newOutputStream(file)) {
				content.writeTo(out);
			}
			return file;
		}
		catch (IOException ex) {
			delete(file);
			throw new UncheckedIOException(ex);
		}
		catch (RuntimeException ex) {
			delete(file);
			throw ex;
		}
	}

	/**
	 * Deletes a temporary file, if there is one; a failure leaves it to the system's
	 * cleanup.
	 * @param file the file, or {@code null}
	 */
	static void delete(@Nullable Path file) {
		if (file != null) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				// the system's temporary folder cleanup takes it
			}
		}
	}

	/**
	 * What goes into a temporary file.
	 */
	@FunctionalInterface
	interface Content {

		void writeTo(OutputStream out) throws IOException;

	}

}
