/**
 * The outbound HTTP layer every order and tracking provider shares: Vert.x Web Client with
 * connect and per-attempt timeouts under one overall deadline, retries on timers for idempotent
 * calls, a circuit breaker per provider, and caches that coalesce concurrent lookups.
 */
package com.tradewind.connectors.http;
