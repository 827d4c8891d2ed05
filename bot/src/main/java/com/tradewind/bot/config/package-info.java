/** Configuration: immutable option records loaded once from application.yaml and environment variables. */
package com.tradewind.bot.config;
