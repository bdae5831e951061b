package com.muejam.exports;

import java.io.IOException;
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

}
