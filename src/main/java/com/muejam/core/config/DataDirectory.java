package com.muejam.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The local data folder ({@code muejam.data-dir}, default {@code ./.muejam}) that holds
 * what the embedded defaults keep across restarts: the embedded database, the local token
 * issuer's key, the cursor secret. Instances that share the folder share these.
 */
@Component
public class DataDirectory {

	private final Path root;

	public DataDirectory(@Value("${muejam.data-dir:./.muejam}") Path root) {
		this.root = root.toAbsolutePath().normalize();
	}

	public Path root() {
		return this.root;
	}

	public Path resolve(String name) {
		return this.root.resolve(name);
	}

	/**
	 * Reads a secret kept in the data folder, creating it once if it does not exist yet.
	 * Creation is atomic, so instances starting together agree on one value.
	 * @param name the file name
	 * @param generator makes a new secret
	 * @return the secret's text
	 */
	public String secret(String name, Supplier<String> generator) {
		Path file = resolve(name);
		try {
			if (Files.exists(file)) {
				return Files.readString(file, StandardCharsets.UTF_8);
			}
			Files.createDirectories(this.root);
			Path temporary = Files.createTempFile(this.root, name, ".tmp");
			try {
				restrictToOwner(temporary);
				Files.writeString(temporary, generator.get(), StandardCharsets.UTF_8);
				// a hard link is created atomically and never replaces an existing file
				Files.createLink(file, temporary);
			}
			catch (FileAlreadyExistsException ex) {
				// another instance created it first: use theirs
			}
			finally {
				Files.deleteIfExists(temporary);
			}
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read or create " + file, ex);
		}
	}

	private static void restrictToOwner(Path file) throws IOException {
		// on a file system without POSIX permissions the folder's own protection applies
		if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
	}

}
