/** The HTTP API: health checks and the knowledge endpoints; every error is JSON. */
package com.tradewind.bot.http;
