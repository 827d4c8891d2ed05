/**
 * AliExpress Open Platform (IOP gateway): HMAC-SHA256 signed {@code /sync} calls for order detail
 * ({@code aliexpress.trade.new.redefining.findorderbyid}) and logistics tracking
 * ({@code aliexpress.logistics.redefining.querytrackingresult}).
 */
package com.tradewind.connectors.aliexpress;
