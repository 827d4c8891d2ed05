/**
 * Slack's wire protocol: request signing, Events API / slash command / interaction payloads,
 * Block Kit, mrkdwn escaping, the Web API ({@code chat.postMessage}, {@code auth.test}) and Socket
 * Mode. Nothing here knows the dialogue; the bot module glues it to the conversation engine.
 */
package com.tradewind.connectors.slack;
