package com.muejam.core.web;

/**
 * A response body that the service hands out as one unchanging instance to many requests,
 * because it comes from a cache in this process (a story, a chapter). Its JSON is then
 * written once and the bytes reused for as long as the instance lives
 * ({@link SharedViewJsonConverter}); a changed story or chapter is a new instance, so it
 * is written anew. Implementations must be immutable and must render the same for every
 * caller.
 */
public interface SharedView {

}
