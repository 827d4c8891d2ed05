package com.tradewind.connectors.aliexpress;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The published IOP signing examples (secret {@code helloworld}), byte for byte. */
class AliExpressSignerTest {

  @ParameterizedTest
  @CsvSource({
      // AliExpress open platform doc "HTTP request sample" (articleId 120693), a /rest API
      "/order/getaccess_tokentestapp_key123456order_id1234sign_methodsha256timestamp1517820392000,"
          + "4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A",
      // system interface /auth/token/create
      "/auth/token/createapp_key12345678code3_500102_JxZ05Ux3cnnSSUm6dCxYg6Q26sign_methodsha256timestamp1517820392000,"
          + "35607762342831B6A417A0DED84B79C05FEFBF116969C48AD6DC00279A9F4D81",
      // business interface (method=), no path prefix
      "access_tokentestaliexpress_category_id200135143app_key123456methodaliexpress.logistics.redefining."
          + "getonlinelogisticsinfosign_methodsha256timestamp1517820392000,"
          + "F7F7926B67316C9D1E8E15F7E66940ED3059B1638C497D77973F30046EFB5BBB",
      "app_key12345678methodaliexpress.affiliate.category.getsign_methodsha256timestamp1517820392000,"
          + "F3ABBAB059750C3CD6D341A2FDA939ECB0FA892120E9196270ED67D6EC1511DD"})
  void publishedVectors(String stringToSign, String expected) {
    assertEquals(expected, AliExpressSigner.hmac(stringToSign, "helloworld"));
  }

  @Test
  void restApiIsPrefixedWithItsPathAndParametersSorted() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("timestamp", "1517820392000");
    params.put("sign_method", "sha256");
    params.put("order_id", "1234");
    params.put("app_key", "123456");
    params.put("access_token", "test");
    assertEquals("/order/getaccess_tokentestapp_key123456order_id1234sign_methodsha256timestamp1517820392000",
        AliExpressSigner.stringToSign("/order/get", params));
    assertEquals("4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A",
        AliExpressSigner.sign("/order/get", params, "helloworld"));
  }

  @Test
  void syncCallHasNoPrefixAndSkipsSignAndEmptyValues() {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("method", "aliexpress.affiliate.category.get");
    params.put("timestamp", "1517820392000");
    params.put("app_key", "12345678");
    params.put("sign_method", "sha256");
    params.put("sign", "ignored");
    params.put("partner_id", "");
    assertEquals("F3ABBAB059750C3CD6D341A2FDA939ECB0FA892120E9196270ED67D6EC1511DD",
        AliExpressSigner.sign("", params, "helloworld"));
  }

  @Test
  void underscoreSortsBeforeLowerCaseLetters() {
    Map<String, String> params = Map.of("foobar", "4", "foo_bar", "3", "foo", "2", "bar", "1");
    assertEquals("bar1foo2foo_bar3foobar4", AliExpressSigner.stringToSign("", params));
  }
}
