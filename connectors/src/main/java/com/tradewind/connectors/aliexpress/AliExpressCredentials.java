package com.tradewind.connectors.aliexpress;

/** App key, app secret and the seller's access token. {@link #toString()} never shows the secrets. */
public record AliExpressCredentials(String appKey, String appSecret, String accessToken) {

  @Override
  public String toString() {
    return "AliExpressCredentials[appKey=" + appKey + ", appSecret=***, accessToken=***]";
  }
}
