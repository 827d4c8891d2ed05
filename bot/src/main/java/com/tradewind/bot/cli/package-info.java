/** The command line: {@code serve}, {@code index}, {@code ask}, {@code eval} and {@code bench}. */
package com.tradewind.bot.cli;
