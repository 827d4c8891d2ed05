/**
 * Delivery guarantees between the platforms and the dialogue: an inbox that records every
 * message a webhook acknowledges, deduplicates redeliveries and hands messages to their channel's
 * processor in arrival order per conversation.
 */
package com.tradewind.bot.delivery;
