package com.tradewind.connectors.commerce;

import java.time.Instant;

/** One scan of a parcel. @param place free text as the carrier gives it, may be empty */
public record TrackingEvent(Instant time, String place, String description) {}
