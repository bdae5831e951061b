package com.muejam.core.database;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL server, used only when no datasource URL is
 * configured.
 *
 * @param enabled whether to start it at all
 * @param port the port to listen on, {@code 0} for any free port
 * @param ephemeral keep the data in a temporary folder deleted on shutdown (tests)
 */
@ConfigurationProperties("muejam.embedded-postgres")
record EmbeddedPostgresProperties(@DefaultValue("true") boolean enabled, @DefaultValue("0") int port,
		@DefaultValue("false") boolean ephemeral) {
}
