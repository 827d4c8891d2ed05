/** Shopify Admin GraphQL API: an order by id or name ({@code #1001}), its fulfillments and tracking. */
package com.tradewind.connectors.shopify;
