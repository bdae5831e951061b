package com.muejam.core.web;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import org.junit.jupiter.api.Test;

import com.muejam.support.IntegrationTest;

import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationContext;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.http.converter.xml.Jaxb2RootElementHttpMessageConverter;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Spring MVC does for every request before the controller's own work: finding the
 * handler asks about the request's method and headers only for the mappings whose path
 * matches, not for every one of the API's endpoints whose path has a variable; no
 * controller is wrapped in a proxy (Spring MVC validates their parameters itself); and a
 * request is wrapped only where it must be, since every question to it goes through each
 * wrapper.
 */
@IntegrationTest
class DispatchCostTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	FilterChainProxy security;

	@Autowired
	RequestBodyLimitFilter bodyLimit;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	RequestMappingHandlerAdapter adapter;

	@Test
	void aStoryReadIsMatchedByItsPathBeforeAnythingElse() throws Exception {
		Counting request = request("GET", "/v1/stories/the-lighthouse-keeper");
		assertThat(handler(request).getMethod().getName()).isEqualTo("getStoryBySlug");
		// the few mappings under /v1/stories/{id}, not the API's many
		assertThat(request.questions.get()).isLessThan(20);
		// each mapping's path is matched only if its literal start is the path's
		assertThat(request.pathLookups.get()).isLessThan(20);
	}

	@Test
	void aStoryReadIsMatchedAgainstTheFewMappingsThatCanMatchItsPath() {
		MappingsByPath byPath = MappingsByPath.of(this.mapping.getHandlerMethods());
		assertThat(this.mapping.getHandlerMethods()).hasSizeGreaterThan(60);
		// the mappings under /v1/stories/, not the API's many
		assertThat(byPath.candidates("/v1/stories/the-lighthouse-keeper")).hasSizeBetween(1, 12)
			.anyMatch((candidate) -> candidate.handler().getMethod().getName().equals("getStoryBySlug"));
		assertThat(byPath.candidates("/v1/search")).hasSizeBetween(1, 3);
	}

	@Test
	void everyMappingOfTheApiIsFoundAsSpringMvcFindsIt() throws Exception {
		PathFirstHandlerMapping pathFirst = (PathFirstHandlerMapping) this.mapping;
		int compared = 0;
		for (RequestMappingInfo info : this.mapping.getHandlerMethods().keySet()) {
			if (info.getPathPatternsCondition() == null) {
				continue;
			}
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
				String path = concrete(pattern.getPatternString());
				for (RequestMethod method : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
					assertFoundAlike(pathFirst, method.name(), path);
					compared++;
				}
				// a HEAD (a GET's), another method on the same path: its handler, or the
				// same 405
				assertFoundAlike(pathFirst, "HEAD", path);
				assertFoundAlike(pathFirst, "DELETE", path);
				assertFoundAlike(pathFirst, "OPTIONS", path + "/more");
			}
		}
		assertThat(compared).isGreaterThan(60);
		assertFoundAlike(pathFirst, "GET", "/v1/nothing-here");
		assertFoundAlike(pathFirst, "GET", "/");
	}

	@Test
	void aMappingAddedAtRunTimeIsFoundAndItsLiteralPathWinsOverAVariable() throws Exception {
		HandlerMethod story = handler(request("GET", "/v1/stories/featured"));
		assertThat(story.getMethod().getName()).isEqualTo("getStoryBySlug");
		Method list = Arrays.stream(story.getBeanType().getDeclaredMethods())
			.filter((method) -> method.getName().equals("listStories"))
			.findFirst()
			.orElseThrow();
		RequestMappingInfo featured = RequestMappingInfo.paths("/v1/stories/featured")
			.methods(RequestMethod.GET)
			.options(this.mapping.getBuilderConfiguration())
			.build();
		this.mapping.registerMapping(featured, story.getBean(), list);
		try {
			// "/v1/stories/{id}" matches too: Spring MVC's ordering picks the literal
			// path
			assertThat(handler(request("GET", "/v1/stories/featured")).getMethod().getName()).isEqualTo("listStories");
			assertFoundAlike((PathFirstHandlerMapping) this.mapping, "GET", "/v1/stories/featured");
		}
		finally {
			this.mapping.unregisterMapping(featured);
		}
		assertThat(handler(request("GET", "/v1/stories/featured")).getMethod().getName()).isEqualTo("getStoryBySlug");
	}

	@Test
	void aPathIsFiledByItsTextBeforeItsThirdSlash() {
		assertThat(MappingsByPath.key("/v1/stories/the-lighthouse-keeper/chapters")).isEqualTo("/v1/stories");
		assertThat(MappingsByPath.key("/v1/search")).isEqualTo("/v1/search");
		assertThat(MappingsByPath.key("/")).isEqualTo("/");
	}

	private static void assertFoundAlike(PathFirstHandlerMapping pathFirst, String method, String path) {
		MockHttpServletRequest ours = lookupRequest(method, path);
		MockHttpServletRequest spring = lookupRequest(method, path);
		Object found = outcome(() -> pathFirst.lookupHandlerMethod(path, ours));
		Object expected = outcome(() -> pathFirst.lookupAsSpringMvcDoes(path, spring));
		assertThat(found).as(method + " " + path).isEqualTo(expected);
		for (String attribute : List.of(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE,
				HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE,
				HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE)) {
			assertThat(String.valueOf(ours.getAttribute(attribute))).as(method + " " + path + " " + attribute)
				.isEqualTo(String.valueOf(spring.getAttribute(attribute)));
		}
	}

	private static Object outcome(Callable<HandlerMethod> lookup) {
		try {
			HandlerMethod handler = lookup.call();
			return (handler != null) ? handler.getMethod() : "no handler";
		}
		catch (Exception ex) {
			return ex.getClass();
		}
	}

	private static MockHttpServletRequest lookupRequest(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.addHeader("Accept", "application/json");
		request.setContentType("application/json");
		ServletRequestPathUtils.parseAndCache(request);
		return request;
	}

	/** A path the pattern matches: each variable and wildcard filled in. */
	private static String concrete(String pattern) {
		return pattern.replaceAll("\\{\\*[^}]*}|\\*\\*", "a/b").replaceAll("\\{[^}]*}|\\*", "x7");
	}

	@Test
	void aPathWrittenWithEscapesIsMatchedAsItReads() throws Exception {
		// "/v1/stories/x" with an escaped "o", and with a matrix parameter
		assertThat(handler(request("GET", "/v1/st%6Fries/the-lighthouse-keeper")).getMethod().getName())
			.isEqualTo("getStoryBySlug");
		assertThat(handler(request("GET", "/v1/stories;v=1/the-lighthouse-keeper")).getMethod().getName())
			.isEqualTo("getStoryBySlug");
	}

	@Test
	void theMethodStillDecidesAmongMappingsOfOnePath() throws Exception {
		assertThat(handler(request("PUT", "/v1/chapters/7f1f6a4e-1111-4c3e-9a53-0c7c4b8c2f10")).getMethod().getName())
			.isEqualTo("updateChapter");
		assertThat(handler(request("GET", "/v1/chapters/7f1f6a4e-1111-4c3e-9a53-0c7c4b8c2f10")).getMethod().getName())
			.isEqualTo("getChapter");
	}

	@Test
	void theApiReadsAndWritesJsonOnly() {
		// the JAXB API and Jackson's XML and YAML formats are on the class path for other
		// libraries; their converters wrote XML or YAML when asked, and JAXB's scanned
		// each
		// response's class for @XmlRootElement
		assertThat(this.adapter.getMessageConverters()).isNotEmpty()
			.noneMatch(WebMvcConfiguration::writesXmlOrYaml)
			.anyMatch(JacksonJsonHttpMessageConverter.class::isInstance);
		assertThat(WebMvcConfiguration.writesXmlOrYaml(new Jaxb2RootElementHttpMessageConverter())).isTrue();
	}

	@Test
	void noControllerIsAProxy() {
		Map<String, Object> controllers = this.context.getBeansWithAnnotation(RestController.class);
		assertThat(controllers).isNotEmpty();
		controllers.forEach((name, controller) -> assertThat(AopUtils.isAopProxy(controller)).as(name).isFalse());
	}

	@Test
	void theSecurityChainWrapsNoRequestForTheServletApi() {
		assertThat(this.security.getFilters("/v1/stories/x")).isNotEmpty()
			.noneMatch(SecurityContextHolderAwareRequestFilter.class::isInstance);
	}

	@Test
	void onlyARequestThatCanHaveABodyIsWrappedForTheBodyLimit() throws Exception {
		assertThat(afterBodyLimit(new MockHttpServletRequest("GET", "/v1/stories")))
			.isNotInstanceOf(HttpServletRequestWrapper.class);
		MockHttpServletRequest chunked = new MockHttpServletRequest("GET", "/v1/stories");
		chunked.addHeader("Transfer-Encoding", "chunked");
		assertThat(afterBodyLimit(chunked)).isInstanceOf(HttpServletRequestWrapper.class);
		MockHttpServletRequest http2 = new MockHttpServletRequest("GET", "/v1/stories");
		http2.setProtocol("HTTP/2.0");
		assertThat(afterBodyLimit(http2)).isInstanceOf(HttpServletRequestWrapper.class);
		MockHttpServletRequest post = new MockHttpServletRequest("POST", "/v1/stories");
		post.setContent("{}".getBytes());
		assertThat(afterBodyLimit(post)).isInstanceOf(HttpServletRequestWrapper.class);
	}

	private ServletRequest afterBodyLimit(MockHttpServletRequest request) throws Exception {
		MockFilterChain chain = new MockFilterChain();
		this.bodyLimit.doFilter(request, new MockHttpServletResponse(), chain);
		return chain.getRequest();
	}

	private HandlerMethod handler(Counting request) throws Exception {
		HandlerExecutionChain chain = this.mapping.getHandler(request);
		assertThat(chain).isNotNull();
		return (HandlerMethod) chain.getHandler();
	}

	private static Counting request(String method, String path) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.addHeader("Accept", "application/json");
		ServletRequestPathUtils.parseAndCache(request);
		return new Counting(request);
	}

	/**
	 * Counts what a lookup asks of the request besides its path, and how often it looks
	 * its parsed path up.
	 */
	private static final class Counting extends HttpServletRequestWrapper {

		final AtomicInteger questions = new AtomicInteger();

		final AtomicInteger pathLookups = new AtomicInteger();

		Counting(HttpServletRequest request) {
			super(request);
		}

		@Override
		public String getMethod() {
			this.questions.incrementAndGet();
			return super.getMethod();
		}

		@Override
		public Object getAttribute(String name) {
			if (ServletRequestPathUtils.PATH_ATTRIBUTE.equals(name)) {
				this.pathLookups.incrementAndGet();
			}
			return super.getAttribute(name);
		}

		@Override
		public String getHeader(String name) {
			this.questions.incrementAndGet();
			return super.getHeader(name);
		}

	}

}
