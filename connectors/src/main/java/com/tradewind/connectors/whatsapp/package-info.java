/**
 * The WhatsApp Business Cloud API: webhook signatures ({@code X-Hub-Signature-256}), parsing of
 * webhook notifications, and the Graph API client that sends text, reply buttons, templates and
 * read receipts while honouring the 24-hour customer-service window and the account's rate.
 */
package com.tradewind.connectors.whatsapp;
