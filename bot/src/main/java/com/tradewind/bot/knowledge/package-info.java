/** The knowledge base inside the running service: opened and refreshed on worker threads, watched for changes. */
package com.tradewind.bot.knowledge;
