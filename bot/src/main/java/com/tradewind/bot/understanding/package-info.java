/**
 * Message understanding: what a customer message is about and which order or parcel it names.
 *
 * <p>Besides intent and language, the package finds order numbers, parcel tracking numbers and
 * the carrier a tracking number implies, in any language or script;
 * {@link com.tradewind.bot.understanding.EntityExtractor} is the entry point for those. Tracking
 * numbers are only reported when their carrier's published check digit holds, because a customer
 * message is full of digit strings (phone numbers, prices, dates, order numbers) and a wrong
 * tracking number sent to a carrier API is worse than none.
 */
package com.tradewind.bot.understanding;
