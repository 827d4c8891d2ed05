/** The Tradewind application: configuration, HTTP server and command line. */
package com.tradewind.bot;
