/**
 * Glue between the chat platforms and the dialogue engine, one sub-package per platform, plus
 * what the channels share (feedback on answers).
 */
package com.tradewind.bot.channels;
