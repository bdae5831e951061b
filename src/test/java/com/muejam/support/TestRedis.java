package com.muejam.support;

import java.io.IOException;
import java.net.ServerSocket;

import redis.embedded.RedisServer;

/**
 * A real redis-server for tests, on a free loopback port, kept as a cache rather than a
 * store: no snapshots and no append-only file on disk.
 *
 * @param server the running server (stop it when done)
 * @param port its port
 */
public record TestRedis(RedisServer server, int port) {

	/**
	 * Starts a server.
	 * @return the running server and its port
	 * @throws IOException if it cannot start
	 */
	public static TestRedis start() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		RedisServer server = RedisServer.newRedisServer()
			.bind("127.0.0.1")
			.port(port)
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
		server.start();
		return new TestRedis(server, port);
	}

	/**
	 * The URL for {@code spring.data.redis.url}.
	 * @return the URL
	 */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

}
