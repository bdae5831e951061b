package com.muejam.highlights;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Highlight settings.
 *
 * @param reanchorBudget how long re-anchoring the highlights of one edited chapter may
 * take; highlights not reached by then are marked orphaned until the next edit (keep it
 * well under {@code muejam.events.resubmit-after}, or the event is handled twice at once)
 */
@ConfigurationProperties("muejam.highlights")
record HighlightSettings(@DefaultValue("20s") Duration reanchorBudget) {

}
