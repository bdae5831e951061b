package com.muejam.core.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Starts a zonky embedded PostgreSQL server. As root, PostgreSQL refuses to run; zonky
 * then runs it under {@code unshare -U} (a user namespace) where that works, and
 * {@link UnprivilegedBinaries} runs it as an unprivileged user where it does not.
 */
public final class EmbeddedPostgresLauncher {

	private EmbeddedPostgresLauncher() {
	}

	public static EmbeddedPostgres start(Path dataDirectory, int port, boolean ephemeral) throws IOException {
		Files.createDirectories(dataDirectory);
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setDataDirectory(dataDirectory)
			.setCleanDataDirectory(ephemeral)
			.setRegisterShutdownHook(false)
			.setPGStartupWait(Duration.ofSeconds(30))
			.setServerConfig("max_connections", "100")
			.setServerConfig("shared_buffers", "64MB")
			.setServerConfig("fsync", ephemeral ? "off" : "on")
			// short OLTP queries: compiling them with LLVM costs more than it saves
			.setServerConfig("jit", "off");
		if (port > 0) {
			builder.setPort(port);
		}
		UnprivilegedBinaries.applyIfNeeded(builder, dataDirectory);
		return builder.start();
	}

}
