/** Wires metrics, safe logs, the insight store and the admin dashboard into the server in one call. */
package com.tradewind.bot.ops;
