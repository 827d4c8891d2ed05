package com.tradewind.connectors.aliexpress;

import com.tradewind.connectors.commerce.OrderStatus;
import com.tradewind.connectors.commerce.TrackingStatus;
import java.util.Locale;

/** AliExpress order statuses and Cainiao event codes in the normalized vocabulary. */
final class AliExpressStatuses {

  private AliExpressStatuses() {}

  /**
   * @param endReason {@code order_end_reason}, which tells a finished order that was delivered
   *     from one that was cancelled or refunded
   */
  static OrderStatus order(String status, String endReason, String fundStatus) {
    if (status == null) {
      return OrderStatus.UNKNOWN;
    }
    return switch (status) {
      case "PLACE_ORDER_SUCCESS", "WAIT_SELLER_EXAMINE_MONEY" -> OrderStatus.AWAITING_PAYMENT;
      case "IN_CANCEL" -> OrderStatus.CANCELLED;
      case "WAIT_SELLER_SEND_GOODS" -> OrderStatus.AWAITING_SHIPMENT;
      case "SELLER_PART_SEND_GOODS" -> OrderStatus.PARTLY_SHIPPED;
      case "WAIT_BUYER_ACCEPT_GOODS" -> OrderStatus.SHIPPED;
      case "FUND_PROCESSING" -> OrderStatus.DELIVERED;
      case "IN_ISSUE" -> OrderStatus.IN_DISPUTE;
      case "IN_FROZEN", "RISK_CONTROL" -> OrderStatus.FROZEN;
      case "FINISH" -> finished(endReason, fundStatus);
      default -> OrderStatus.UNKNOWN;
    };
  }

  private static OrderStatus finished(String endReason, String fundStatus) {
    String reason = endReason == null ? "" : endReason.toLowerCase(Locale.ROOT);
    if (reason.contains("refund")) {
      return OrderStatus.REFUNDED;
    }
    if (reason.contains("cancel") || reason.contains("close") || "NOT_PAY".equals(fundStatus)) {
      return OrderStatus.CANCELLED;
    }
    return OrderStatus.DELIVERED;
  }

  /** A Cainiao {@code action_code} of the newest event. */
  static TrackingStatus tracking(String actionCode) {
    if (actionCode == null || actionCode.isBlank()) {
      return TrackingStatus.IN_TRANSIT;
    }
    return switch (actionCode) {
      case "GTMS_SIGNED" -> TrackingStatus.DELIVERED;
      case "GTMS_DELIVERING" -> TrackingStatus.OUT_FOR_DELIVERY;
      case "GTMS_DEL_FAILURE" -> TrackingStatus.DELIVERY_FAILED;
      case "GTMS_WAIT_SELF_PICK" -> TrackingStatus.AVAILABLE_FOR_PICKUP;
      case "RETURNED" -> TrackingStatus.EXCEPTION;
      case "GWMS_ACCEPT" -> TrackingStatus.INFO_RECEIVED;
      default -> TrackingStatus.IN_TRANSIT;
    };
  }
}
