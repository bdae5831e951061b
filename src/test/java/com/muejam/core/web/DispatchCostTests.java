package com.muejam.core.web;

import java.util.Map;
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
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.servletapi.SecurityContextHolderAwareRequestFilter;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

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
