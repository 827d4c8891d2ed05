/**
 * The WhatsApp channel: the webhook routes ({@code GET}/{@code POST /whatsapp/webhook}), the
 * processor that turns user messages into dialogue turns and replies, and the record of delivery
 * statuses. The protocol itself lives in {@code com.tradewind.connectors.whatsapp}.
 */
package com.tradewind.bot.channels.whatsapp;
