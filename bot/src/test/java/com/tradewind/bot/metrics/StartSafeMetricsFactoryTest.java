package com.tradewind.bot.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.MultiMap;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.spi.metrics.HttpServerMetrics;
import io.vertx.core.spi.metrics.VertxMetrics;
import io.vertx.core.spi.observability.HttpRequest;
import io.vertx.core.spi.observability.HttpResponse;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import org.junit.jupiter.api.Test;

/**
 * A request on a connection accepted before the server's metrics existed reaches the metrics with
 * no connection metric: vertx-micrometer alone fails on it (and the request is never answered);
 * the wrapped metrics skip it and go on measuring every other request.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
class StartSafeMetricsFactoryTest {

  private static final SocketAddress LOCAL = SocketAddress.inetSocketAddress(8080, "127.0.0.1");
  private static final SocketAddress REMOTE = SocketAddress.inetSocketAddress(51000, "127.0.0.1");
  private static final VertxOptions OPTIONS = new VertxOptions()
      .setMetricsOptions(new MicrometerMetricsOptions().setEnabled(true));

  private final HttpRequest request = new HttpRequest() {
    public int id() {
      return 1;
    }

    public String uri() {
      return "/health/ready";
    }

    public String absoluteURI() {
      return "http://127.0.0.1:8080/health/ready";
    }

    public HttpMethod method() {
      return HttpMethod.GET;
    }

    public MultiMap headers() {
      return MultiMap.caseInsensitiveMultiMap();
    }

    public SocketAddress remoteAddress() {
      return REMOTE;
    }
  };

  private final HttpResponse response = new HttpResponse() {
    public int statusCode() {
      return 200;
    }

    public MultiMap headers() {
      return MultiMap.caseInsensitiveMultiMap();
    }
  };

  @Test
  void vertxMicrometerAloneFailsOnARequestWithoutConnectionMetric() {
    HttpServerMetrics plain = new MicrometerMetricsFactory(new SimpleMeterRegistry()).metrics(OPTIONS)
        .createHttpServerMetrics(new HttpServerOptions(), LOCAL);
    org.junit.jupiter.api.Assertions.assertThrows(NullPointerException.class, () -> plain.requestBegin(null, request),
        "if this passes, vertx-micrometer checks it itself and StartSafeMetricsFactory can go");
  }

  @Test
  void unmeasuredConnectionsAreSkippedAndMeasuredOnesStillCounted() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    VertxMetrics metrics = new StartSafeMetricsFactory(registry).metrics(OPTIONS);
    HttpServerMetrics server = metrics.createHttpServerMetrics(new HttpServerOptions(), LOCAL);

    Object unmeasured = server.requestBegin(null, request);
    assertNull(unmeasured);
    server.requestRouted(unmeasured, "/health/ready");
    server.requestEnd(unmeasured, request, 0);
    server.responseBegin(unmeasured, response);
    server.responseEnd(unmeasured, response, 42);
    server.bytesRead(null, REMOTE, 100);
    server.bytesWritten(null, REMOTE, 100);
    server.disconnected(null, REMOTE);

    Object connection = server.connected(REMOTE, "127.0.0.1");
    Object measured = server.requestBegin(connection, request);
    assertNotNull(measured);
    server.requestEnd(measured, request, 0);
    server.responseBegin(measured, response);
    server.responseEnd(measured, response, 42);
    server.disconnected(connection, REMOTE);
    assertEquals(1.0, registry.get("vertx.http.server.requests").counter().count());
    metrics.close();
  }
}
