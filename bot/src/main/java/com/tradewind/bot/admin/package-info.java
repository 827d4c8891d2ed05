/**
 * The insight dashboard at {@code /admin}: traffic, rates, latency, backend health, unanswered
 * question groups, a search try-out box and re-indexing, behind {@code TRADEWIND_ADMIN_TOKEN}.
 */
package com.tradewind.bot.admin;
