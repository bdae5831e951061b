package com.muejam;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * MueJam Library: the reading-and-writing platform's backend.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "core")
public class MueJamApplication {

	public static void main(String[] args) {
		SpringApplication.run(MueJamApplication.class, args);
	}

}
