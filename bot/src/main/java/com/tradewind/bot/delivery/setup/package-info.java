/** Chooses and opens the inbox (memory, journal or Redis) and its companions from configuration. */
package com.tradewind.bot.delivery.setup;
